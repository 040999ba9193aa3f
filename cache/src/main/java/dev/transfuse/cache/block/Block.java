package dev.transfuse.cache.block;

import java.nio.ByteBuffer;

/**
 * A block ready to be copied out: its bytes in the heap, or its place in a disk cache file. With
 * a disk cache, fetched blocks live only in their file: the host's page cache keeps the hot ones
 * in memory already, and a second copy in the heap would cost a 1 MiB allocation per block and
 * the garbage collector's time (G1 treats such arrays as humongous objects).
 */
public sealed interface Block permits Block.InHeap, Block.OnDisk {

  /**
   * Copies {@code n} bytes from {@code from} within the block into {@code dst}; false if they are
   * no longer there (the disk object was evicted meanwhile), and the block must be fetched again.
   */
  boolean copyTo(int from, ByteBuffer dst, int n);

  /** Bytes held in the heap (no disk cache, or the disk write failed). */
  record InHeap(byte[] bytes) implements Block {
    @Override
    public boolean copyTo(int from, ByteBuffer dst, int n) {
      dst.put(bytes, from, n);
      return true;
    }
  }

  /** Block {@code index} of a disk object. */
  record OnDisk(DiskObject object, long index) implements Block {
    @Override
    public boolean copyTo(int from, ByteBuffer dst, int n) {
      return object.copyTo(index, from, dst, n);
    }
  }
}
