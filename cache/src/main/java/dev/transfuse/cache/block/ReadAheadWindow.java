package dev.transfuse.cache.block;

/**
 * Sequential-read detection for one open file. A read that starts where the previous one ended
 * (within one block: the kernel's parallel READ requests can arrive slightly out of order) grows
 * the window, doubling up to the limit; any other read resets it, so random reads fetch only the
 * blocks they touch.
 *
 * <p>Reads of one file may come from several kernel threads at once, hence the monitor; it guards
 * only arithmetic.
 */
public final class ReadAheadWindow {
  private final int blockSize;
  private final int maxBlocks;
  // Guarded by this.
  private long nextOffset;
  private int windowBlocks;
  private long prefetchedTo = -1;

  public ReadAheadWindow(int blockSize, int maxBlocks) {
    this.blockSize = blockSize;
    this.maxBlocks = maxBlocks;
  }

  /** A window that never reads ahead. */
  public static ReadAheadWindow none(int blockSize) {
    return new ReadAheadWindow(blockSize, 0);
  }

  /**
   * Records a read and answers the blocks to fetch ahead of it, as {@code [from, to)} in block
   * indexes clipped to {@code blockCount}; {@code from >= to} means none.
   */
  public synchronized long[] advise(long offset, int length, long blockCount) {
    boolean sequential = Math.abs(offset - nextOffset) <= blockSize;
    nextOffset = Math.max(nextOffset, offset + length);
    if (!sequential || maxBlocks == 0) {
      windowBlocks = 0;
      prefetchedTo = -1;
      nextOffset = offset + length;
      return new long[] {0, 0};
    }
    windowBlocks = Math.min(maxBlocks, Math.max(1, windowBlocks * 2));
    long lastBlock = (offset + Math.max(length, 1) - 1) / blockSize;
    long from = Math.max(lastBlock + 1, prefetchedTo);
    // Refill in chunks, not a block per read: once the window is wide, advise only when less
    // than half of it is still ahead, so the fetcher can ask the store for long spans (one
    // request per span) instead of one request per block.
    if (prefetchedTo - (lastBlock + 1) > windowBlocks / 2) {
      return new long[] {0, 0};
    }
    long to = Math.min(blockCount, lastBlock + 1 + windowBlocks);
    if (to > prefetchedTo) {
      prefetchedTo = to;
    }
    return new long[] {from, to};
  }

  public synchronized int windowBlocks() {
    return windowBlocks;
  }
}
