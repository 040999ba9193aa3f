package dev.transfuse.translators.vfs;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreCapabilities;
import dev.transfuse.translators.store.StoreException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A provider's {@link Store} together with the private VFS manager that created its file system:
 * every call goes straight to the store (no VFS lock on the way), and {@link #close()} closes the
 * manager, which closes the file system, which closes the store's connections.
 */
public final class VfsHostedStore implements Store {
  private final Store store;
  private final IsolatedVfs vfs;
  private final AtomicBoolean closed = new AtomicBoolean();

  public VfsHostedStore(Store store, IsolatedVfs vfs) {
    this.store = store;
    this.vfs = vfs;
  }

  /** The VFS view of the same store, for tests and tools that want the Commons VFS API. */
  public IsolatedVfs vfs() {
    return vfs;
  }

  @Override
  public StoreCapabilities capabilities() {
    return store.capabilities();
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    return store.stat(path);
  }

  @Override
  public List<DirEntry> list(String dir) throws StoreException {
    return store.list(dir);
  }

  @Override
  public InputStream read(String path, long offset, long length) throws StoreException {
    return store.read(path, offset, length);
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    return store.upload(path, staged);
  }

  @Override
  public void mkdir(String path) throws StoreException {
    store.mkdir(path);
  }

  @Override
  public void delete(String path) throws StoreException {
    store.delete(path);
  }

  @Override
  public void rename(String from, String to) throws StoreException {
    store.rename(from, to);
  }

  @Override
  public void write(String path, long offset, ByteBuffer data) throws StoreException {
    store.write(path, offset, data);
  }

  @Override
  public void truncate(String path, long size) throws StoreException {
    store.truncate(path, size);
  }

  @Override
  public Optional<SpaceInfo> space() throws StoreException {
    return store.space();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        vfs.close();
      } finally {
        store.close();
      }
    }
  }

  @Override
  public String toString() {
    return store.toString();
  }
}
