package dev.transfuse.translators.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything an {@link S3Store} needs to reach one bucket, after the option and credential maps
 * were checked by {@link S3FileSystemConfigBuilder}.
 *
 * @param bucket bucket name
 * @param prefix key prefix that is the store's root: "" or ending with "/"
 * @param endpoint custom endpoint (S3Proxy, MinIO), or null for AWS
 * @param region signing region
 * @param pathStyle bucket in the path instead of the host name (needed for most non-AWS servers)
 * @param credentials where keys come from; its toString never shows a secret (SDK providers print
 *     only their type)
 * @param connectTimeout TCP connect limit
 * @param readTimeout limit for any single socket read, which also bounds a stalled download
 * @param multipartThreshold uploads of at least this many bytes use multipart
 * @param partSize bytes per multipart part (S3 minimum 5 MiB)
 * @param uploadThreads parts uploaded at the same time
 */
public record S3Settings(
    String bucket,
    String prefix,
    URI endpoint,
    String region,
    boolean pathStyle,
    AwsCredentialsProvider credentials,
    Duration connectTimeout,
    Duration readTimeout,
    long multipartThreshold,
    long partSize,
    int uploadThreads) {

  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

  public S3Settings {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException("prefix must end with '/': " + prefix);
    }
    if (partSize < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "partSize must be >= " + MIN_PART_SIZE + " (S3's minimum), was " + partSize);
    }
    if (multipartThreshold < partSize) {
      throw new IllegalArgumentException(
          "multipartThreshold (" + multipartThreshold + ") must be >= partSize (" + partSize + ")");
    }
    if (uploadThreads < 1) {
      throw new IllegalArgumentException("uploadThreads must be >= 1, was " + uploadThreads);
    }
  }

  @Override
  public String toString() {
    return "S3Settings[" + label() + ", endpoint=" + endpoint + ", region=" + region
        + ", pathStyle=" + pathStyle + "]";
  }

  /** "s3://bucket/prefix" for messages: never a key. */
  public String label() {
    return "s3://" + bucket + "/" + prefix;
  }
}
