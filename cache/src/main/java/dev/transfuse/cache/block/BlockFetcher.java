package dev.transfuse.cache.block;

import dev.transfuse.cache.stats.TransferCounters;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Gets one block through the tiers: memory, then disk, then one ranged read from the store. All
 * callers wanting a block that is being fetched share that fetch, so parallel readers and
 * read-ahead never download a block twice. With a disk cache a fetched block goes to disk only
 * (see {@link Block}); the memory tier serves mounts without one.
 *
 * <p>A fetch checks that the store returned all the bytes the version's size promises; a short
 * object means it changed under us, and the read fails instead of caching bytes of an unknown
 * version; so does a fetch for a version the metadata cache already knows was replaced. (A
 * same-size change the cache has not yet learned of cannot be seen here: the store API has no
 * conditional ranged read yet.)
 */
public final class BlockFetcher {
  private final Store store;
  private final int blockSize;
  private final MemoryBlocks memory;
  private final DiskCache disk;
  private final Executor executor;
  private final TransferCounters transfers;
  private final Predicate<ObjectVersion> current;
  private final ConcurrentHashMap<BlockKey, CompletableFuture<Block>> inFlight =
      new ConcurrentHashMap<>();
  /** A fetch thread's block buffer, reused for every block it writes to disk. */
  private final ThreadLocal<byte[]> scratch;
  private volatile boolean closed;

  public BlockFetcher(
      Store store,
      int blockSize,
      MemoryBlocks memory,
      DiskCache disk,
      Executor executor,
      TransferCounters transfers,
      Predicate<ObjectVersion> current) {
    this.store = store;
    this.blockSize = blockSize;
    this.memory = memory;
    this.disk = disk;
    this.executor = executor;
    this.transfers = transfers;
    this.current = current;
    this.scratch = ThreadLocal.withInitial(() -> new byte[blockSize]);
  }

  public int blockSize() {
    return blockSize;
  }

  /** Block {@code key}: completed at once when cached, else when its fetch ends. */
  public CompletableFuture<Block> block(BlockKey key) {
    // With a disk cache the heap holds only blocks whose disk write failed: look quietly, so the
    // memory tier's statistics describe the tier that serves.
    byte[] m = disk.enabled() ? memory.peek(key) : memory.get(key);
    if (m != null) {
      return CompletableFuture.completedFuture(new Block.InHeap(m));
    }
    CompletableFuture<Block> pending = inFlight.get(key);
    if (pending != null) {
      return pending;
    }
    DiskObject o = disk.object(key.version(), true);
    Block d = disk.lookup(o, key.index());
    if (d != null) {
      return CompletableFuture.completedFuture(d);
    }
    CompletableFuture<Block> mine = new CompletableFuture<>();
    pending = inFlight.putIfAbsent(key, mine);
    if (pending != null) {
      return pending;
    }
    // Another fetch may have finished between the lookups above and the claim: then the block
    // is in a tier now, and fetching it again would only cost bytes.
    byte[] late = memory.peek(key);
    Block found = late != null ? new Block.InHeap(late)
        : o != null && o.has(key.index()) ? new Block.OnDisk(o, key.index()) : null;
    if (found != null) {
      inFlight.remove(key, mine);
      mine.complete(found);
      return mine;
    }
    try {
      executor.execute(() -> fetchSpan(key.version(), key.index(), List.of(mine), o));
    } catch (RejectedExecutionException e) {
      inFlight.remove(key, mine);
      mine.completeExceptionally(
          new StoreException(StoreException.Kind.UNAVAILABLE, "cache is closing", e));
    }
    return mine;
  }

  /**
   * Starts fetching the blocks of {@code v} in {@code [from, to)} that no tier holds and no fetch
   * is bringing, with one ranged store request per run of up to {@code maxSpan} contiguous
   * missing blocks (read-ahead: a request per megabyte costs more in round trips and signing
   * than the bytes take). Each block is handed to its waiters as soon as its bytes arrive.
   */
  public void prefetch(ObjectVersion v, long from, long to, int maxSpan) {
    DiskObject o = disk.object(v, true);
    long b = from;
    while (b < to && !closed) {
      long start = b;
      List<CompletableFuture<Block>> claimed = new ArrayList<>();
      while (b < to && claimed.size() < maxSpan) {
        BlockKey key = new BlockKey(v, b);
        CompletableFuture<Block> mine = new CompletableFuture<>();
        boolean held = memory.peek(key) != null || (o != null && o.has(b));
        if (held || inFlight.putIfAbsent(key, mine) != null) {
          if (!claimed.isEmpty()) {
            break; // the run ends here; this block is looked at again by the outer loop
          }
          b++;
          start = b;
          continue;
        }
        claimed.add(mine);
        b++;
      }
      if (!claimed.isEmpty()) {
        long first = start;
        try {
          executor.execute(() -> fetchSpan(v, first, claimed, o));
        } catch (RejectedExecutionException e) {
          fail(v, first, claimed, 0,
              new StoreException(StoreException.Kind.UNAVAILABLE, "cache is closing", e));
        }
      }
    }
  }

  /**
   * Fetches the run of blocks of {@code v} from {@code first} with one ranged request (a single
   * block for a read's miss, up to a span for read-ahead), completing each future as its block
   * is kept.
   */
  private void fetchSpan(ObjectVersion v, long first, List<CompletableFuture<Block>> blocks,
      DiskObject o) {
    int done = 0;
    try {
      if (closed) {
        throw new StoreException(StoreException.Kind.UNAVAILABLE, "cache is closing");
      }
      if (!current.test(v)) {
        // The store now holds another version: its bytes must not be cached as this one's.
        throw changed(v, "is no longer the version this reader opened");
      }
      long offset = first * blockSize;
      long length = 0;
      for (int i = 0; i < blocks.size(); i++) {
        length += v.blockLength(first + i, blockSize);
      }
      try (InputStream in = store.read(v.path(), offset, length)) {
        for (; done < blocks.size(); done++) {
          long index = first + done;
          int want = v.blockLength(index, blockSize);
          byte[] bytes = buffer(o, want);
          int got = in.readNBytes(bytes, 0, want);
          transfers.fetchedPart(got, done == 0);
          if (got != want) {
            throw changed(v, "ended at " + (index * blockSize + got) + " of "
                + v.size() + " bytes");
          }
          BlockKey key = new BlockKey(v, index);
          Block block = keep(key, o, bytes, want);
          // Out of flight before waking the waiters: one that finds the block evicted at once
          // must start a new fetch, not get this completed one back.
          inFlight.remove(key, blocks.get(done));
          blocks.get(done).complete(block);
        }
      }
    } catch (IOException | RuntimeException e) {
      StoreException failure = e instanceof StoreException se ? se
          : new StoreException(StoreException.Kind.IO, "reading " + v.path() + " failed", e);
      fail(v, first, blocks, done, failure);
    }
  }

  private void fail(ObjectVersion v, long first, List<CompletableFuture<Block>> blocks,
      int from, StoreException e) {
    for (int i = from; i < blocks.size(); i++) {
      inFlight.remove(new BlockKey(v, first + i), blocks.get(i));
      blocks.get(i).completeExceptionally(e);
    }
  }

  /**
   * Refuses new fetches, drops queued ones (read-ahead nobody waits for), and waits up to {@code
   * timeout} for those already talking to the store, so no block lands in the disk cache after it
   * was closed.
   */
  public void close(Duration timeout) {
    closed = true;
    CompletableFuture<?>[] pending = inFlight.values().toArray(new CompletableFuture<?>[0]);
    try {
      CompletableFuture.allOf(pending).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // failures belong to their readers; a fetch still hanging after the timeout is abandoned
    }
  }

  /**
   * Where a fetch reads a block into: with a disk cache the bytes go on to the block's file, so
   * the thread's reusable buffer serves; without one they become the memory tier's block.
   */
  private byte[] buffer(DiskObject o, int length) {
    return o != null ? scratch.get() : new byte[length];
  }

  /** Caches fetched bytes: on disk if there is a disk cache and the write works, else in heap. */
  private Block keep(BlockKey key, DiskObject o, byte[] bytes, int length) {
    if (o != null) {
      disk.write(o, key.index(), bytes, length);
      if (o.has(key.index())) {
        return new Block.OnDisk(o, key.index());
      }
      bytes = Arrays.copyOf(bytes, length); // the disk write failed: the buffer is reused
    }
    memory.put(key, bytes);
    return new Block.InHeap(bytes);
  }

  private static StoreException changed(ObjectVersion v, String what) {
    return new StoreException(
        StoreException.Kind.IO, v.path() + " changed while being read: it " + what);
  }
}
