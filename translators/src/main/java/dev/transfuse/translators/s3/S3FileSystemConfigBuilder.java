package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.vfs.SettingsConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * VFS options of the S3 provider. The whole checked {@link S3Settings} travels as one option, so
 * the provider never re-parses text; {@link #settingsFrom} is where the mount's source URI, option
 * map and credential map become those settings.
 */
public final class S3FileSystemConfigBuilder extends SettingsConfigBuilder<S3Settings> {
  private static final S3FileSystemConfigBuilder INSTANCE = new S3FileSystemConfigBuilder();

  private S3FileSystemConfigBuilder() {
    super("s3.", S3FileSystem.class);
  }

  public static S3FileSystemConfigBuilder getInstance() {
    return INSTANCE;
  }

  /**
   * Checks {@code s3://bucket[/prefix]} and the maps.
   *
   * @throws IllegalArgumentException naming the bad part (never a credential value)
   */
  public static S3Settings settingsFrom(
      URI source, Map<String, String> optionMap, Map<String, String> credentials) {
    String bucket = source.getHost();
    if (bucket == null || bucket.isEmpty()) {
      bucket = source.getAuthority();
    }
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("s3 source needs a bucket: s3://bucket[/prefix]");
    }
    if (source.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "s3 source must not carry credentials in the URI; pass accessKey/secretKey instead");
    }
    String path = source.getPath() == null ? "" : source.getPath();
    String prefix = path.replaceAll("^/+", "");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    StoreOptions options = StoreOptions.of("s3", optionMap, StoreOptions.common(
        StoreOptions.ENDPOINT, StoreOptions.REGION, StoreOptions.PATH_STYLE,
        StoreOptions.MULTIPART_THRESHOLD, StoreOptions.PART_SIZE));
    String endpointText = options.text(StoreOptions.ENDPOINT, null);
    URI endpoint = null;
    if (endpointText != null) {
      endpoint = URI.create(endpointText);
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException(
            "endpoint must be an absolute http(s) URL, was '" + endpointText + "'");
      }
    }
    long partSize = options.bytes(StoreOptions.PART_SIZE, 8L << 20);
    return new S3Settings(
        bucket,
        prefix,
        endpoint,
        options.text(StoreOptions.REGION, "us-east-1"),
        options.bool(StoreOptions.PATH_STYLE, endpoint != null),
        credentialsFrom(credentials),
        options.duration(StoreOptions.CONNECT_TIMEOUT, Duration.ofSeconds(10)),
        options.duration(StoreOptions.READ_TIMEOUT, Duration.ofSeconds(30)),
        options.bytes(StoreOptions.MULTIPART_THRESHOLD, Math.max(16L << 20, partSize)),
        partSize,
        4);
  }

  static AwsCredentialsProvider credentialsFrom(Map<String, String> credentials) {
    String access = credentials.get(StoreOptions.ACCESS_KEY);
    String secret = credentials.get(StoreOptions.SECRET_KEY);
    String profile = credentials.get(StoreOptions.PROFILE);
    if (access != null || secret != null) {
      if (access == null || secret == null) {
        throw new IllegalArgumentException("accessKey and secretKey must be given together");
      }
      if (profile != null) {
        throw new IllegalArgumentException("give either accessKey/secretKey or profile, not both");
      }
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(access, secret));
    }
    if (profile != null) {
      return ProfileCredentialsProvider.create(profile);
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
