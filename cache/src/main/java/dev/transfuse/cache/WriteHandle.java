package dev.transfuse.cache;

import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open file for writing, backed by the path's staged copy (shared with every other writer of
 * the path). {@link #flush()} and {@link #close()} upload; their failure is the store's error,
 * and the staged copy stays to be retried.
 */
public final class WriteHandle implements AutoCloseable {
  private final CachedStore owner;
  private final StagedFile file;
  private final AtomicBoolean closed = new AtomicBoolean();

  WriteHandle(CachedStore owner, StagedFile file) {
    this.owner = owner;
    this.file = file;
  }

  /** The path now (it follows renames). */
  public String path() {
    return file.path();
  }

  public int write(long offset, ByteBuffer src) throws StoreException {
    return file.write(offset, src, owner.now());
  }

  public int read(long offset, ByteBuffer dst) throws StoreException {
    return file.read(offset, dst);
  }

  public void truncate(long size) throws StoreException {
    file.truncate(size, owner.now());
  }

  /** What a stat shows now: the staged size and the time of the last change. */
  public FileAttributes attributes() throws StoreException {
    return file.attributes();
  }

  /**
   * Uploads what was written so far (FUSE flush and fsync). Returns the attributes the store
   * confirmed, or null if nothing had changed.
   */
  public FileAttributes flush() throws StoreException {
    return owner.flush(file);
  }

  /** Flushes and releases the handle; the staged copy is dropped once the store confirmed it. */
  @Override
  public void close() throws StoreException {
    if (closed.compareAndSet(false, true)) { // no monitor: the upload below is network I/O
      owner.release(file);
    }
  }
}
