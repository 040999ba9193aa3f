package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Renames on S3, which has none: CopyObject per key, then DeleteObjects in batches of 1,000 (the
 * API's limit). Copies all come before any delete, so a failure half-way leaves the source whole.
 */
final class S3Tree {
  private static final Logger LOG = LoggerFactory.getLogger(S3Tree.class);
  /** CopyObject refuses sources above 5 GiB; those would need UploadPartCopy (issue #3). */
  private static final long MAX_COPY = 5L * 1024 * 1024 * 1024;

  private final S3Client client;
  private final String bucket;
  /** False once the server refused DeleteObjects; then keys go one DeleteObject at a time. */
  private final AtomicBoolean batchDelete = new AtomicBoolean(true);

  S3Tree(S3Client client, String bucket) {
    this.client = client;
    this.bucket = bucket;
  }

  void moveOne(String from, String to, long size, String what) throws StoreException {
    if (size > MAX_COPY) {
      throw new StoreException(Kind.UNSUPPORTED, what + ": objects over 5 GiB cannot be renamed");
    }
    try {
      copy(from, to);
      client.deleteObject(b -> b.bucket(bucket).key(from));
    } catch (SdkException e) {
      throw S3Errors.map(e, what);
    }
  }

  /** Moves every key under {@code fromPrefix} (marker included) to {@code toPrefix}. */
  void moveAll(String fromPrefix, String toPrefix, String what) throws StoreException {
    try {
      List<ObjectIdentifier> moved = new ArrayList<>();
      String token = null;
      do {
        String t = token;
        ListObjectsV2Response page =
            client.listObjectsV2(b -> b.bucket(bucket).prefix(fromPrefix).continuationToken(t));
        for (S3Object o : page.contents()) {
          if (o.size() != null && o.size() > MAX_COPY) {
            throw new StoreException(Kind.UNSUPPORTED, what + ": " + o.key() + " is over 5 GiB");
          }
          copy(o.key(), toPrefix + o.key().substring(fromPrefix.length()));
          moved.add(ObjectIdentifier.builder().key(o.key()).build());
        }
        token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      } while (token != null);
      if (moved.isEmpty()) {
        // A directory that exists only as a common prefix of nothing cannot happen, but a
        // marker-less empty target can: write the marker so the new name exists.
        client.putObject(b -> b.bucket(bucket).key(toPrefix),
            software.amazon.awssdk.core.sync.RequestBody.empty());
      }
      deleteAll(moved, what);
    } catch (SdkException e) {
      throw S3Errors.map(e, what);
    }
  }

  private void deleteOneByOne(List<ObjectIdentifier> keys) {
    for (ObjectIdentifier id : keys) {
      client.deleteObject(b -> b.bucket(bucket).key(id.key()));
    }
  }

  private void copy(String from, String to) {
    client.copyObject(b -> b.sourceBucket(bucket).sourceKey(from)
        .destinationBucket(bucket).destinationKey(to));
  }

  private void deleteAll(List<ObjectIdentifier> keys, String what) throws StoreException {
    for (int i = 0; i < keys.size(); i += 1000) {
      List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000));
      if (!batchDelete.get()) {
        deleteOneByOne(batch);
        continue;
      }
      DeleteObjectsResponse r;
      try {
        r = client.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      } catch (S3Exception e) {
        if (S3Errors.kindOf(e) != Kind.UNSUPPORTED) {
          throw e;
        }
        // DeleteObjects must carry a checksum; the SDK sends x-amz-checksum-crc32, which older
        // S3-compatible servers (S3Proxy 2.6) refuse with 501. Delete key by key from then on.
        if (batchDelete.getAndSet(false)) {
          LOG.warn("s3://{}: server refuses DeleteObjects ({}); deleting key by key from now on",
              bucket, e.getMessage());
        }
        deleteOneByOne(batch);
        continue;
      }
      if (r.hasErrors() && !r.errors().isEmpty()) {
        throw new StoreException(Kind.IO, what + ": could not delete " + r.errors().size()
            + " source keys, first: " + r.errors().get(0).key() + " " + r.errors().get(0).code());
      }
    }
  }
}
