package dev.transfuse.cache;

import dev.transfuse.cache.block.BlockReader;
import dev.transfuse.cache.block.ObjectVersion;
import dev.transfuse.cache.block.ReadAheadWindow;
import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.cache.write.StagingArea;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * One open file for reading: the version it was opened at (close-to-open consistency, as NFS
 * gives) and its own read-ahead window, so two readers of one file each get sequential
 * detection. A staged write of the same path is read instead, so writes are visible at once.
 * Thread-safe: the kernel may send reads of one handle from several threads.
 */
public final class ReadHandle implements AutoCloseable {
  private final String path;
  private final StagingArea staging;
  private final BlockReader reader;
  private final CachedStore owner;
  private final ReadAheadWindow window;
  private volatile FileAttributes attributes;

  ReadHandle(
      String path,
      FileAttributes attributes,
      StagingArea staging,
      BlockReader reader,
      CachedStore owner,
      ReadAheadWindow window) {
    this.path = path;
    this.attributes = attributes;
    this.staging = staging;
    this.reader = reader;
    this.owner = owner;
    this.window = window;
  }

  public String path() {
    return path;
  }

  /** The attributes the file had when opened (or when its staged copy was last retired). */
  public FileAttributes attributes() {
    return attributes;
  }

  /** Copies bytes from {@code offset} into {@code dst}; returns the count, 0 at end of file. */
  public int read(long offset, ByteBuffer dst) throws StoreException {
    Optional<StagedFile> staged = staging.find(path);
    if (staged.isPresent()) {
      return staged.get().read(offset, dst);
    }
    FileAttributes a = attributes;
    if (a.changeToken().startsWith(StagedFile.TOKEN_PREFIX)) {
      // Opened while staged and the staged copy is gone: read what the store now holds.
      a = owner.stat(path).orElseThrow(() -> CachedStore.notFound(path));
      attributes = a;
    }
    try {
      return reader.read(ObjectVersion.of(path, a), offset, dst, window);
    } catch (StoreException e) {
      owner.readFailed(path, e);
      throw e;
    }
  }

  /** Up to {@code length} bytes from {@code offset}; shorter at end of file. */
  public byte[] read(long offset, int length) throws StoreException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    int n = read(offset, buf);
    return n == length ? buf.array() : Arrays.copyOf(buf.array(), n);
  }

  /** Nothing to release: blocks belong to the cache, not to the handle. */
  @Override
  public void close() {}
}
