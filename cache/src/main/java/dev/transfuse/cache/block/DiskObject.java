package dev.transfuse.cache.block;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One object version cached on disk: a sparse data file laid out like the object, so that a
 * complete one can be handed to the kernel as a passthrough backing file, and its {@link
 * DiskIndex}.
 *
 * <p>Crash safety: the index is saved only after the data file is forced to disk, so a block the
 * index calls present was really written. Blocks written since the last save are forgotten by a
 * crash and fetched again: a restart may cost bytes, never correctness. Saves happen on close,
 * and in the cache's maintenance round once the object has had no write for a while (see {@link
 * DiskCache#saveQuietIndexes}); never while it streams in.
 *
 * <p>An object evicted while a reader uses it is closed and unlinked; that reader's read fails
 * and it falls back to the store.
 */
public final class DiskObject {
  private static final Logger LOG = LoggerFactory.getLogger(DiskObject.class);

  /**
   * Blocks are written in pieces of this size. ext4 sizes page-cache folios by the write, and with
   * whole 1 MiB pwrites the kernel's copies into the page cache took most of a slow cold read's
   * CPU (perf: copy_folio_from_iter_atomic, fuse_copy_folio); why large folios cost so much here is
   * not understood. Measured in mount-bench on the disk: 400-550 MB/s with 1 MiB writes, 900-1300
   * with 64 KiB pieces; on tmpfs (no large folios) both ran at 800-1100 (bench/RESULTS.md).
   */
  private static final int WRITE_PIECE = 64 << 10;

  private final ObjectVersion version;
  private final int blockSize;
  private final Path data;
  private final Path index;
  private final long blockCount;
  // Guarded by this: present, unsaved, lastWriteNanos, channel, deleted.
  private final BitSet present;
  private int unsaved;
  private long lastWriteNanos;
  private FileChannel channel;
  private boolean deleted;
  // Serialises index saves, which do disk I/O; taken before "this" when both are held.
  private final Object saveLock = new Object();
  /**
   * One writer at a time. The file system takes the inode's lock for a buffered write anyway, and
   * its waiters spin while the holder copies: with the read-ahead's parallel fetches writing into
   * one file, that spinning took 13% of the daemon's CPU in a cold read. Waiters here park.
   */
  private final ReentrantLock writeLock = new ReentrantLock();

  DiskObject(ObjectVersion version, int blockSize, Path data, Path index, BitSet present) {
    this.version = version;
    this.blockSize = blockSize;
    this.data = data;
    this.index = index;
    this.blockCount = version.blockCount(blockSize);
    this.present = present;
  }

  public ObjectVersion version() {
    return version;
  }

  public Path dataFile() {
    return data;
  }

  Path indexFile() {
    return index;
  }

  public synchronized boolean has(long block) {
    return !deleted && present.get((int) block);
  }

  public synchronized boolean isComplete() {
    return !deleted && present.cardinality() == blockCount;
  }

  /** Bytes of valid blocks on disk. */
  public synchronized long bytes() {
    long n = present.cardinality();
    if (n > 0 && present.get((int) blockCount - 1)) {
      return (n - 1) * blockSize + version.blockLength(blockCount - 1, blockSize);
    }
    return n * blockSize;
  }

  /**
   * Copies {@code n} bytes from {@code from} within block {@code block} into {@code dst}; false,
   * with {@code dst} unchanged, if the block is not here (any more) or cannot be read.
   */
  public boolean copyTo(long block, int from, ByteBuffer dst, int n) {
    FileChannel ch;
    synchronized (this) {
      if (deleted || !present.get((int) block)) {
        return false;
      }
      ch = channel();
      if (ch == null) {
        return false;
      }
    }
    ByteBuffer target = dst.duplicate();
    target.limit(dst.position() + n);
    long pos = block * blockSize + from;
    try {
      while (target.hasRemaining()) {
        if (ch.read(target, pos + target.position() - dst.position()) < 0) {
          return false;
        }
      }
    } catch (IOException e) {
      // Also how an eviction that closed the channel under us shows: the block is fetched again.
      LOG.debug("disk cache read of {} block {} failed; refetching", version.path(), block, e);
      forgetIfClosed(ch);
      return false;
    }
    dst.position(target.position());
    return true;
  }

  /**
   * Stores the first {@code length} bytes of {@code bytes} as block {@code block}; returns the
   * bytes it adds to the cache (0 if already here or if the write failed).
   */
  public int write(long block, byte[] bytes, int length) {
    FileChannel ch;
    synchronized (this) {
      if (deleted || present.get((int) block)) {
        return 0;
      }
      ch = channel();
      if (ch == null) {
        return 0;
      }
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(bytes, 0, length);
      long pos = block * blockSize;
      writeLock.lock();
      try {
        while (buf.hasRemaining()) {
          ByteBuffer piece = buf.slice(buf.position(), Math.min(WRITE_PIECE, buf.remaining()));
          int n = ch.write(piece, pos + buf.position());
          buf.position(buf.position() + n);
        }
      } finally {
        writeLock.unlock();
      }
    } catch (IOException e) {
      LOG.debug("disk cache write of {} block {} failed", version.path(), block, e);
      forgetIfClosed(ch);
      return 0;
    }
    synchronized (this) {
      if (deleted || present.get((int) block)) {
        return 0;
      }
      present.set((int) block);
      unsaved++;
      lastWriteNanos = System.nanoTime();
    }
    return length;
  }

  /** Saves if blocks were written since the last save, and none for {@code quietNanos}. */
  public void saveIfQuiet(long quietNanos) {
    synchronized (this) {
      if (unsaved == 0 || System.nanoTime() - lastWriteNanos < quietNanos) {
        return;
      }
    }
    save();
  }

  /** Forces data to disk and then writes the index, so the index never claims unwritten data. */
  public void save() {
    synchronized (saveLock) {
      DiskIndex snapshot;
      FileChannel ch;
      synchronized (this) {
        if (deleted || unsaved == 0) {
          return;
        }
        snapshot = new DiskIndex(version, blockSize, (BitSet) present.clone());
        unsaved = 0;
        ch = channel;
      }
      try {
        if (ch != null) {
          ch.force(false);
        }
        snapshot.writeTo(index);
      } catch (IOException e) {
        LOG.warn("could not save disk cache index {}", index, e);
      }
    }
  }

  /** Saves, then releases the file handle; the object stays valid on disk. */
  public void close() {
    save();
    synchronized (this) {
      closeChannel();
    }
  }

  /** Forgets this object and removes its files. */
  public void delete() {
    synchronized (this) {
      if (deleted) {
        return;
      }
      deleted = true;
      closeChannel();
    }
    try {
      Files.deleteIfExists(index);
      Files.deleteIfExists(data);
    } catch (IOException e) {
      LOG.warn("could not delete disk cache files of {}", version.path(), e);
    }
  }

  /**
   * A channel closed by an interrupted thread (FileChannel closes itself then) is dropped, so the
   * next use opens the file again instead of failing for every reader from now on.
   */
  private synchronized void forgetIfClosed(FileChannel ch) {
    if (ch == channel && !ch.isOpen()) {
      channel = null;
    }
  }

  private FileChannel channel() {
    if (channel == null) {
      try {
        channel =
            FileChannel.open(
                data, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      } catch (IOException e) {
        LOG.warn("could not open disk cache file {}", data, e);
        return null;
      }
    }
    return channel;
  }

  private void closeChannel() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("closing {}", data, e);
      }
      channel = null;
    }
  }
}
