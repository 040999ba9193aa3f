package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Uploads a staged local file as one object: a single PutObject below the threshold, otherwise a
 * multipart upload whose parts go up in parallel on a small named pool. A failed multipart upload
 * is aborted so no orphaned parts keep costing storage.
 */
final class S3Upload implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final S3Client client;
  private final S3Settings settings;
  private final ExecutorService parts;

  S3Upload(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "s3-upload-" + pool + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.parts = Executors.newFixedThreadPool(settings.uploadThreads(), factory);
  }

  void upload(String key, Path staged, String where) throws StoreException {
    long size;
    try {
      size = Files.size(staged);
    } catch (IOException e) {
      throw new StoreException(Kind.IO, "upload " + where + ": staged file unreadable: " + e, e);
    }
    try {
      if (size < settings.multipartThreshold()) {
        client.putObject(b -> b.bucket(settings.bucket()).key(key), RequestBody.fromFile(staged));
      } else {
        multipart(key, staged, size, where);
      }
    } catch (SdkException e) {
      throw S3Errors.map(e, "upload " + where);
    }
  }

  private void multipart(String key, Path staged, long size, String where)
      throws StoreException {
    String id = client.createMultipartUpload(b -> b.bucket(settings.bucket()).key(key)).uploadId();
    try {
      List<Future<CompletedPart>> pending = new ArrayList<>();
      long partSize = settings.partSize();
      int number = 1;
      for (long offset = 0; offset < size; offset += partSize, number++) {
        long start = offset;
        int length = (int) Math.min(partSize, size - offset);
        int partNumber = number;
        pending.add(parts.submit(() -> uploadPart(key, id, partNumber, staged, start, length)));
      }
      List<CompletedPart> done = new ArrayList<>();
      for (Future<CompletedPart> f : pending) {
        done.add(f.get());
      }
      client.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(id)
          .multipartUpload(m -> m.parts(done)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(key, id);
      throw new StoreException(Kind.IO, "upload " + where + ": interrupted", e);
    } catch (ExecutionException e) {
      abort(key, id);
      Throwable cause = e.getCause();
      if (cause instanceof SdkException) {
        throw S3Errors.map((SdkException) cause, "upload " + where);
      }
      throw new StoreException(Kind.IO, "upload " + where + ": " + cause, cause);
    } catch (SdkException e) {
      abort(key, id);
      throw e;
    }
  }

  private CompletedPart uploadPart(String key, String id, int n, Path staged, long offset, int len)
      throws IOException {
    // One buffer per part in flight: uploadThreads x partSize bytes of heap at most.
    ByteBuffer buffer = ByteBuffer.allocate(len);
    try (FileChannel ch = FileChannel.open(staged, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        if (ch.read(buffer, offset + buffer.position()) < 0) {
          throw new IOException("staged file shrank during upload");
        }
      }
    }
    buffer.flip();
    String eTag = client.uploadPart(
        b -> b.bucket(settings.bucket()).key(key).uploadId(id).partNumber(n).contentLength(
            (long) len), RequestBody.fromByteBuffer(buffer)).eTag();
    return CompletedPart.builder().partNumber(n).eTag(eTag).build();
  }

  private void abort(String key, String id) {
    try {
      client.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(id));
    } catch (SdkException ignored) {
      // The upload already failed; the original error is the one to report.
    }
  }

  @Override
  public void close() {
    parts.shutdownNow();
  }
}
