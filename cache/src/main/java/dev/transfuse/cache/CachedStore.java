package dev.transfuse.cache;

import dev.transfuse.cache.block.BlockReader;
import dev.transfuse.cache.block.ObjectVersion;
import dev.transfuse.cache.block.ReadAheadWindow;
import dev.transfuse.cache.change.ChangeListener;
import dev.transfuse.cache.metadata.Listing;
import dev.transfuse.cache.metadata.StorePaths;
import dev.transfuse.cache.stats.CacheStatistics;
import dev.transfuse.cache.write.Filler;
import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreCapabilities;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One mount's cache over one {@link Store}: the only object the FUSE bridge talks to for
 * metadata, content and writes. Thread-safe; no method holds a lock while it waits for the store.
 *
 * <p>Reads answer in this order: a staged write of the path, then memory, disk, and the store.
 * Metadata answers from Caffeine caches that refresh in the background once stale. Local changes
 * (writes once uploaded, mkdir, delete, rename) update or drop every cache entry they affect
 * before the call returns, and are told to the {@link ChangeListener}s.
 *
 * <p>Errors are {@link StoreException}s whose kind the bridge maps to an errno; a path that does
 * not exist is an empty {@code Optional} from {@link #stat} and NOT_FOUND elsewhere.
 */
public final class CachedStore implements AutoCloseable {
  private final CacheParts parts;
  private final LocalChanges changes;
  private final Maintenance maintenance;

  private CachedStore(CacheParts parts) {
    this.parts = parts;
    this.changes = new LocalChanges(parts);
    this.maintenance = new Maintenance(parts);
  }

  /**
   * Opens the cache: reuses the disk block cache a previous run left under {@code cacheDir}
   * (each object is checked against the store's change token before use) and registers staged
   * writes it left for upload (at the first {@link #runMaintenance()}, which the background tasks
   * run at once).
   */
  public static CachedStore open(Store store, CacheOptions options) throws IOException {
    CacheParts parts = CacheParts.assemble(store, options);
    CachedStore cs = new CachedStore(parts);
    cs.maintenance.start();
    return cs;
  }

  public StoreCapabilities capabilities() {
    return parts.store.capabilities();
  }

  public Optional<SpaceInfo> space() throws StoreException {
    return parts.store.space();
  }

  // ---- metadata

  /** Attributes of {@code path}, empty if nothing is there (cached, negative answers too). */
  public Optional<FileAttributes> stat(String path) throws StoreException {
    Optional<StagedFile> staged = parts.staging.find(path);
    if (staged.isPresent()) {
      return Optional.of(staged.get().attributes());
    }
    return parts.metadata.stat(path).map(a -> parts.mtimes.stabilise(path, a));
  }

  /**
   * The entries of {@code dir}, from one cached listing, with staged files merged in. Listing a
   * directory also caches the attributes of every entry, so stats of the children that follow
   * cost no remote call.
   */
  public List<DirEntry> list(String dir) throws StoreException {
    if (parts.metadata.holdsAttributes(dir) && parts.metadata.peek(dir).isEmpty()) {
      throw notFound(dir); // a cached absence answers here too, without a remote call
    }
    Listing listing = parts.metadata.list(dir);
    List<StagedFile> staged = parts.staging.childrenOf(dir);
    Map<String, DirEntry> merged = new LinkedHashMap<>();
    for (DirEntry e : listing.entries()) {
      merged.put(
          e.name(), new DirEntry(e.name(), stable(StorePaths.child(dir, e.name()), e.attributes())));
    }
    for (StagedFile sf : staged) {
      String name = StorePaths.name(sf.path());
      merged.put(name, new DirEntry(name, sf.attributes()));
    }
    return new ArrayList<>(merged.values());
  }

  /**
   * The modification time to report for directory {@code dir}: the store's, or for stores
   * without one a value that moves only when the listing changes (the kernel keeps its readdir
   * cache only while the mtime stays put).
   */
  public FileAttributes stable(String path, FileAttributes attrs) {
    return parts.mtimes.stabilise(path, attrs);
  }

  /** Drops every cached fact at or below {@code path}; the next access asks the store. */
  public void invalidate(String path) {
    parts.metadata.invalidateTree(path);
    parts.metadata.invalidate(path); // and the parent's listing, which names it
  }

  // ---- content

  /** Opens {@code path} for reading at its current version, with its own read-ahead window. */
  public ReadHandle openRead(String path) throws StoreException {
    FileAttributes a = stat(path).orElseThrow(() -> notFound(path));
    if (a.isDirectory()) {
      throw new StoreException(StoreException.Kind.IS_A_DIRECTORY, path + " is a directory");
    }
    ReadAheadWindow window =
        new ReadAheadWindow(parts.options.blockSize(), parts.options.readAheadBlocks());
    return new ReadHandle(path, a, parts.staging, parts.reader, this, window);
  }

  /** One read without a handle (no read-ahead): the REST content endpoint's path. */
  public int read(String path, long offset, ByteBuffer dst) throws StoreException {
    FileAttributes a = stat(path).orElseThrow(() -> notFound(path));
    return read(path, a, offset, dst);
  }

  /** One read of the version {@code attrs} names, without a handle (no read-ahead). */
  public int read(String path, FileAttributes attrs, long offset, ByteBuffer dst)
      throws StoreException {
    if (attrs.isDirectory()) {
      throw new StoreException(StoreException.Kind.IS_A_DIRECTORY, path + " is a directory");
    }
    ReadAheadWindow none = ReadAheadWindow.none(parts.options.blockSize());
    return new ReadHandle(path, attrs, parts.staging, parts.reader, this, none).read(offset, dst);
  }

  /**
   * Fetches every block of {@code path} at the version {@code attrs} names into the disk cache,
   * in parallel, and completes with {@link #cachedFile} once all are there: how the bridge can
   * make a file passthrough-ready before the kernel reads it. Completes exceptionally if a fetch
   * fails.
   */
  public CompletableFuture<Optional<Path>> prefetch(String path, FileAttributes attrs) {
    ObjectVersion v = ObjectVersion.of(path, attrs);
    return parts.reader.prefetch(v).thenApply(done -> cachedFile(path, attrs));
  }

  /**
   * The local file holding all of {@code path} at the version {@code attrs} names, if the disk
   * cache has every block of it: the bridge may hand it to the kernel as a passthrough backing
   * file for a read-only open. Empty while the path has a staged write.
   */
  public Optional<Path> cachedFile(String path, FileAttributes attrs) {
    if (parts.staging.find(path).isPresent() || attrs.isDirectory()) {
      return Optional.empty();
    }
    return parts.disk.completeFile(ObjectVersion.of(path, attrs));
  }

  // ---- writes

  /**
   * Opens {@code path} for writing. Its current content is copied to the staged file first unless
   * {@code truncate} is set or the file does not exist (then it is created empty, and uploaded on
   * close even if nothing is written).
   */
  public WriteHandle openWrite(String path, boolean truncate) throws StoreException {
    changes.requireWritable();
    Filler filler = truncate ? null : copierOf(path);
    return new WriteHandle(this, parts.staging.open(path, filler));
  }

  /** Sets the size of {@code path} (truncate(2) without an open file) and uploads it. */
  public void truncate(String path, long size) throws StoreException {
    changes.requireWritable();
    stat(path).orElseThrow(() -> notFound(path));
    Filler filler = size == 0 ? null : copierOf(path);
    try (WriteHandle h = new WriteHandle(this, parts.staging.open(path, filler))) {
      h.truncate(size);
    }
  }

  public void mkdir(String path) throws StoreException {
    changes.mkdir(path);
  }

  public void delete(String path) throws StoreException {
    changes.delete(path);
  }

  public void rename(String from, String to) throws StoreException {
    changes.rename(from, to);
  }

  // ---- change notification, revalidation, maintenance

  public void addListener(ChangeListener listener) {
    parts.dispatcher.add(listener);
  }

  public void removeListener(ChangeListener listener) {
    parts.dispatcher.remove(listener);
  }

  /**
   * Re-checks {@code held} (paths the kernel caches) against the store now, within the rate
   * limit, telling listeners what changed. Returns how many were checked.
   */
  public int revalidate(Collection<String> held) {
    return parts.revalidator.revalidate(held);
  }

  /**
   * Revalidates the paths {@code held} supplies every {@code pollInterval} (no-op when polling is
   * off). The supplier is called on a background thread and must be thread-safe.
   */
  public void startPolling(Supplier<? extends Collection<String>> held) {
    maintenance.poll(held);
  }

  /**
   * Runs what the background tasks run: uploads of staged files that are due (left by a previous
   * run, or failed and past their back-off), a revalidation pass if polling is due, and cache
   * clean-up. Tests call it after moving their ticker.
   */
  public void runMaintenance() {
    maintenance.run();
  }

  public CacheStatistics statistics() {
    return parts.statistics();
  }

  /** Tries a last upload of dirty staged files, saves disk indexes, stops owned threads. */
  @Override
  public void close() {
    maintenance.close();
    parts.close();
  }

  // ---- used by the handles

  Instant now() {
    return parts.options.clock().instant();
  }

  FileAttributes flush(StagedFile file) throws StoreException {
    return parts.uploader.flush(file);
  }

  void release(StagedFile file) throws StoreException {
    try {
      parts.uploader.flush(file);
    } finally {
      parts.staging.release(file);
      parts.retire(file);
    }
  }

  void readFailed(String path, StoreException e) {
    if (e.kind() != StoreException.Kind.IO && e.kind() != StoreException.Kind.NOT_FOUND) {
      return;
    }
    // The object may have changed or gone under us. Learn what the store holds now rather than
    // forgetting: a known newer version is what keeps later fetches for the old one refusing.
    try {
      parts.metadata.revalidateFile(path);
    } catch (StoreException again) {
      parts.metadata.invalidate(path);
    }
  }

  static StoreException notFound(String path) {
    return new StoreException(StoreException.Kind.NOT_FOUND, path + " does not exist");
  }

  private Filler copierOf(String path) throws StoreException {
    Optional<FileAttributes> current = stat(path);
    if (current.isEmpty()) {
      return null;
    }
    if (current.get().isDirectory()) {
      throw new StoreException(StoreException.Kind.IS_A_DIRECTORY, path + " is a directory");
    }
    return new StagedCopier(
        path,
        current.get(),
        parts.reader,
        parts.options.blockSize(),
        parts.options.readAheadBlocks());
  }
}
