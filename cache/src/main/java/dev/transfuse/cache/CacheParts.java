package dev.transfuse.cache;

import dev.transfuse.cache.block.BlockFetcher;
import dev.transfuse.cache.block.BlockReader;
import dev.transfuse.cache.block.DiskCache;
import dev.transfuse.cache.block.MemoryBlocks;
import dev.transfuse.cache.block.ObjectVersion;
import dev.transfuse.cache.change.Change;
import dev.transfuse.cache.change.ChangeDispatcher;
import dev.transfuse.cache.metadata.DirectoryMtimes;
import dev.transfuse.cache.metadata.MetadataCache;
import dev.transfuse.cache.revalidate.RateLimiter;
import dev.transfuse.cache.revalidate.Revalidator;
import dev.transfuse.cache.stats.CacheStatistics;
import dev.transfuse.cache.stats.TransferCounters;
import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.cache.write.StagingArea;
import dev.transfuse.cache.write.Uploader;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of one {@link CachedStore}, wired once. Kept apart from the facade so the facade
 * reads as its API and this as its construction, and so the package's other classes
 * ({@link LocalChanges}, {@link Maintenance}) share the same parts.
 */
final class CacheParts {
  private static final Logger LOG = LoggerFactory.getLogger(CacheParts.class);

  final Store store;
  final CacheOptions options;
  // Two pools when we own them: read-ahead can queue dozens of block fetches, and a stat or a
  // refresh must not wait behind them.
  private static final int METADATA_THREADS = 8;
  final Executor executor;
  final Executor metadataExecutor;
  private final List<ExecutorService> ownedPools;
  final TransferCounters transfers = new TransferCounters();
  final ChangeDispatcher dispatcher;
  final DirectoryMtimes mtimes;
  final MetadataCache metadata;
  final MemoryBlocks memory;
  final DiskCache disk;
  final BlockReader reader;
  final StagingArea staging;
  final Uploader uploader;
  final Revalidator revalidator;
  final List<StagedFile> recovered;

  private CacheParts(Store store, CacheOptions o, List<ExecutorService> ownedPools)
      throws IOException {
    this.store = store;
    this.options = o;
    this.ownedPools = ownedPools;
    this.executor = o.executor() != null ? o.executor() : ownedPools.get(0);
    this.metadataExecutor = o.executor() != null ? o.executor() : ownedPools.get(1);
    this.dispatcher = new ChangeDispatcher(metadataExecutor);
    this.mtimes = new DirectoryMtimes(o.clock());
    this.metadata =
        new MetadataCache(
            store,
            o.metadataTtl(),
            o.metadataMaxAge(),
            o.metadataMaxBytes(),
            o.ticker(),
            metadataExecutor,
            mtimes,
            dispatcher);
    this.memory = new MemoryBlocks(o.memoryBlockBytes(), o.ticker(), executor);
    this.disk = DiskCache.open(o.cacheDir().resolve("blocks"), o.blockSize(), o.cacheMaxBytes());
    this.reader =
        new BlockReader(
            new BlockFetcher(
                store, o.blockSize(), memory, disk, executor, transfers, this::isCurrent));
    this.staging = new StagingArea(o.cacheDir().resolve("staging"), o.clock());
    this.uploader =
        new Uploader(
            store,
            staging,
            o.ticker(),
            o.uploadRetryMin(),
            o.uploadRetryMax(),
            transfers,
            (file, path, attrs) -> uploaded(path, attrs));
    this.revalidator =
        new Revalidator(
            metadata,
            new RateLimiter(o.ticker(), o.revalidationsPerSecond()),
            p -> staging.find(p).isPresent());
    this.recovered = staging.recover();
    if (!recovered.isEmpty()) {
      LOG.info("{} staged writes from a previous run will be uploaded", recovered.size());
    }
  }

  static CacheParts assemble(Store store, CacheOptions o) throws IOException {
    List<ExecutorService> pools =
        o.executor() == null
            ? List.of(newPool("fetch", o.fetchThreads()), newPool("metadata", METADATA_THREADS))
            : List.of();
    try {
      return new CacheParts(store, o, pools);
    } catch (IOException | RuntimeException e) {
      pools.forEach(ExecutorService::shutdownNow);
      throw e;
    }
  }

  /** False only if the metadata cache knows {@code v} was replaced or removed. */
  private boolean isCurrent(ObjectVersion v) {
    if (!metadata.holdsAttributes(v.path())) {
      return true;
    }
    Optional<FileAttributes> now = metadata.peek(v.path());
    return now.isPresent() && ObjectVersion.of(v.path(), now.get()).equals(v);
  }

  /** After the store confirmed an upload: every cache learns the new version at once. */
  private void uploaded(String path, FileAttributes attrs) {
    // Every cached block of the path is stale now, whatever its version says: a store whose
    // change token is mtime (seconds) and size gives a same-size rewrite within the second the
    // same token, and old blocks would be served as the new version.
    memory.invalidate(path);
    disk.invalidateExact(path);
    metadata.updateEntry(path, Optional.of(attrs));
    dispatcher.accept(new Change.FileChanged(path, attrs));
  }

  /**
   * Drops {@code file} from staging once it is confirmed and closed; its data becomes the disk
   * cache's copy of the uploaded version, so reading it back costs nothing.
   */
  void retire(StagedFile file) {
    staging.retireIfDone(
        file,
        (sf, data) -> {
          FileAttributes confirmed = sf.confirmed();
          if (confirmed != null) {
            disk.adopt(ObjectVersion.of(sf.path(), confirmed), data);
          }
        });
  }

  CacheStatistics statistics() {
    int pending = 0;
    for (StagedFile sf : staging.all()) {
      if (sf.isDirty()) {
        pending++;
      }
    }
    return new CacheStatistics(
        metadata.attributeStats(),
        metadata.listingStats(),
        memory.stats(),
        disk.stats(),
        transfers.fetches(),
        transfers.bytesFetched(),
        transfers.uploads(),
        transfers.bytesUploaded(),
        transfers.uploadFailures(),
        pending);
  }

  void close() {
    for (StagedFile sf : staging.all()) {
      if (sf.isDirty()) {
        try {
          uploader.flush(sf);
        } catch (Exception e) {
          LOG.warn("{} stays staged for the next start: {}", sf.path(), e.toString());
        }
      }
    }
    reader.close(Duration.ofSeconds(10));
    disk.close();
    for (ExecutorService pool : ownedPools) {
      pool.shutdown();
      try {
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
          pool.shutdownNow();
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ExecutorService newPool(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "transfuse-cache-" + name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return Executors.newFixedThreadPool(threads, tf);
  }
}
