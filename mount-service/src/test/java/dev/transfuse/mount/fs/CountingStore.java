package dev.transfuse.mount.fs;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreCapabilities;
import dev.transfuse.translators.store.StoreException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real store with every remote call counted: how tests prove what reached the store. It
 * forwards everything; nothing is faked.
 */
final class CountingStore implements Store {
  final AtomicLong stats = new AtomicLong();
  final AtomicLong lists = new AtomicLong();
  final AtomicLong reads = new AtomicLong();
  final AtomicLong bytesRead = new AtomicLong();
  final AtomicLong uploads = new AtomicLong();
  private final Store delegate;

  CountingStore(Store delegate) {
    this.delegate = delegate;
  }

  long calls() {
    return stats.get() + lists.get() + reads.get() + uploads.get();
  }

  @Override
  public StoreCapabilities capabilities() {
    return delegate.capabilities();
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    stats.incrementAndGet();
    return delegate.stat(path);
  }

  @Override
  public List<DirEntry> list(String dir) throws StoreException {
    lists.incrementAndGet();
    return delegate.list(dir);
  }

  @Override
  public InputStream read(String path, long offset, long length) throws StoreException {
    reads.incrementAndGet();
    return new FilterInputStream(delegate.read(path, offset, length)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          bytesRead.addAndGet(n);
        }
        return n;
      }
    };
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    uploads.incrementAndGet();
    return delegate.upload(path, staged);
  }

  @Override
  public void mkdir(String path) throws StoreException {
    delegate.mkdir(path);
  }

  @Override
  public void delete(String path) throws StoreException {
    delegate.delete(path);
  }

  @Override
  public void rename(String from, String to) throws StoreException {
    delegate.rename(from, to);
  }

  @Override
  public void write(String path, long offset, java.nio.ByteBuffer data) throws StoreException {
    delegate.write(path, offset, data);
  }

  @Override
  public void truncate(String path, long size) throws StoreException {
    delegate.truncate(path, size);
  }

  @Override
  public Optional<SpaceInfo> space() throws StoreException {
    return delegate.space();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
