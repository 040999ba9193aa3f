package dev.transfuse.translators.s3;

import java.util.Collection;
import java.util.List;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractOriginatingFileProvider;
import org.apache.commons.vfs2.provider.GenericURLFileNameParser;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Commons VFS provider for {@code s3://bucket/...}: one {@link S3FileSystem} (one SDK client) per
 * bucket and option set.
 */
public final class S3FileProvider extends AbstractOriginatingFileProvider {
  static final Collection<Capability> CAPABILITIES = List.of(
      Capability.GET_TYPE, Capability.READ_CONTENT, Capability.LIST_CHILDREN,
      Capability.GET_LAST_MODIFIED, Capability.URI);

  public S3FileProvider() {
    setFileNameParser(new GenericURLFileNameParser(-1));
  }

  @Override
  protected FileSystem doCreateFileSystem(FileName root, FileSystemOptions options)
      throws FileSystemException {
    S3Settings settings = S3FileSystemConfigBuilder.getInstance().getSettings(options);
    if (settings == null) {
      throw new FileSystemException("s3 file system needs S3Settings in its options");
    }
    return new S3FileSystem(root, options, new S3Store(client(settings), settings));
  }

  /**
   * The SDK client: Apache HTTP with connect and socket timeouts (a stalled download fails after
   * readTimeout instead of hanging), the SDK's standard retry mode (3 attempts, capped
   * exponential backoff with jitter) for idempotent calls, and checksums only where S3 requires
   * them: SDK 2.30+ adds CRC trailers to every upload by default, which many S3-compatible servers
   * (S3Proxy included) reject or ignore, and which costs CPU on every byte read.
   */
  static S3Client client(S3Settings settings) {
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(settings.credentials())
        .forcePathStyle(settings.pathStyle())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.STANDARD).build())
        .httpClientBuilder(ApacheHttpClient.builder()
            .connectionTimeout(settings.connectTimeout())
            .socketTimeout(settings.readTimeout())
            .maxConnections(64));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  @Override
  public FileSystemConfigBuilder getConfigBuilder() {
    return S3FileSystemConfigBuilder.getInstance();
  }

  @Override
  public Collection<Capability> getCapabilities() {
    return CAPABILITIES;
  }
}
