package dev.transfuse.cache.block;

import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Serves a read of one object version from blocks: asks for every block the read touches at once
 * (so a read spanning several missing blocks fetches them in parallel), starts the read-ahead the
 * window advises without waiting for it, then copies the touched parts of each block in order.
 */
public final class BlockReader {
  private final BlockFetcher fetcher;
  private final int blockSize;
  /** Read-ahead asks the store for up to 8 MiB per request. */
  private static final int SPAN_BYTES = 8 << 20;
  private final int spanBlocks;
  private static final int MAX_COPY_ATTEMPTS = 3;

  public BlockReader(BlockFetcher fetcher) {
    this.fetcher = fetcher;
    this.blockSize = fetcher.blockSize();
    this.spanBlocks = Math.max(1, SPAN_BYTES / blockSize);
  }

  /**
   * Copies up to {@code dst.remaining()} bytes of {@code v} from {@code offset} into {@code dst};
   * returns the count, 0 at or past the end.
   */
  public int read(ObjectVersion v, long offset, ByteBuffer dst, ReadAheadWindow window)
      throws StoreException {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (offset >= v.size() || !dst.hasRemaining()) {
      return 0;
    }
    int length = (int) Math.min(dst.remaining(), v.size() - offset);
    long first = offset / blockSize;
    long last = (offset + length - 1) / blockSize;
    List<CompletableFuture<Block>> wanted = new ArrayList<>((int) (last - first + 1));
    for (long b = first; b <= last; b++) {
      wanted.add(fetcher.block(new BlockKey(v, b)));
    }
    long[] ahead = window.advise(offset, length, v.blockCount(blockSize));
    if (ahead[0] < ahead[1]) {
      // Failures of read-ahead are not the reader's: a block is fetched again on demand.
      fetcher.prefetch(v, ahead[0], ahead[1], spanBlocks);
    }
    long pos = offset;
    int end = dst.position() + length;
    for (int i = 0; i < wanted.size(); i++) {
      long index = first + i;
      int from = (int) (pos - index * blockSize);
      int n = Math.min(v.blockLength(index, blockSize) - from, end - dst.position());
      copy(wanted.get(i), new BlockKey(v, index), from, dst, n);
      pos += n;
    }
    return length;
  }

  /**
   * Copies part of a block, fetching it again when its disk object was evicted between the fetch
   * and the copy (a cache much smaller than the reads in flight can do that).
   */
  private void copy(CompletableFuture<Block> pending, BlockKey key, int from, ByteBuffer dst, int n)
      throws StoreException {
    Block block = await(pending);
    for (int attempt = 1; !block.copyTo(from, dst, n); attempt++) {
      if (attempt == MAX_COPY_ATTEMPTS) {
        throw new StoreException(StoreException.Kind.IO, key.version().path()
            + ": block " + key.index() + " left the cache " + attempt + " times while being read");
      }
      block = await(fetcher.block(key));
    }
  }

  /** See {@link BlockFetcher#close}. */
  public void close(java.time.Duration timeout) {
    fetcher.close(timeout);
  }

  /** Fetches every block of {@code v} not cached yet; completes when all are (or one failed). */
  public CompletableFuture<Void> prefetch(ObjectVersion v) {
    long n = v.blockCount(blockSize);
    CompletableFuture<?>[] all = new CompletableFuture<?>[(int) n];
    for (long b = 0; b < n; b++) {
      all[(int) b] = fetcher.block(new BlockKey(v, b));
    }
    return CompletableFuture.allOf(all);
  }

  private static Block await(CompletableFuture<Block> f) throws StoreException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "interrupted while reading", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof StoreException) {
        throw (StoreException) c;
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw new StoreException(StoreException.Kind.IO, String.valueOf(c), c);
    }
  }
}
