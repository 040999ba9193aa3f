package dev.transfuse.cache.block;

import dev.transfuse.cache.stats.TierCounters;
import dev.transfuse.cache.stats.TierStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk block cache under {@code cacheDir/blocks}: at most one {@link DiskObject} per path,
 * evicted whole in least-recently-used order when the bytes on disk exceed the bound.
 *
 * <p>Not a Caffeine cache because an object's weight grows block by block after it is inserted;
 * a plain access-ordered map under this object's monitor is enough, and file deletion (local
 * I/O only) happens after the monitor is released.
 *
 * <p>An object found for a path is reused only if its change token and size match the version
 * asked for; otherwise it is deleted. That is the revalidation across restarts: the caller asks
 * with the attributes the store reports now.
 */
public final class DiskCache {
  private static final Logger LOG = LoggerFactory.getLogger(DiskCache.class);

  private final Path root;
  private final int blockSize;
  private final long maxBytes;
  private final TierCounters counters = new TierCounters();
  // Guarded by this.
  private final LinkedHashMap<String, DiskObject> objects = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;

  private DiskCache(Path root, int blockSize, long maxBytes) {
    this.root = root;
    this.blockSize = blockSize;
    this.maxBytes = maxBytes;
  }

  /** Opens the cache at {@code root}, keeping every valid object a previous run left there. */
  public static DiskCache open(Path root, int blockSize, long maxBytes) throws IOException {
    Files.createDirectories(root);
    DiskCache cache = new DiskCache(root, blockSize, maxBytes);
    cache.recover();
    return cache;
  }

  /** The object holding {@code v}, creating an empty one if {@code create}; null if none. */
  public DiskObject object(ObjectVersion v, boolean create) {
    if (maxBytes == 0) {
      return null;
    }
    DiskObject stale = null;
    DiskObject result;
    synchronized (this) {
      DiskObject o = objects.get(v.path());
      if (o != null && o.version().equals(v)) {
        return o;
      }
      if (o != null) {
        objects.remove(v.path());
        usedBytes -= o.bytes();
        stale = o;
      }
      result = create ? newObject(v) : null;
      if (result != null) {
        objects.put(v.path(), result);
      }
    }
    if (stale != null) {
      stale.delete();
    }
    return result;
  }

  /** Whether blocks are cached on disk at all ({@code cacheMaxBytes} above 0). */
  public boolean enabled() {
    return maxBytes > 0;
  }

  /** Block {@code index} of {@code o} if it is on disk, counting a disk hit or miss. */
  public Block lookup(DiskObject o, long index) {
    if (o == null) {
      return null;
    }
    if (o.has(index)) {
      counters.hit();
      return new Block.OnDisk(o, index);
    }
    counters.miss();
    return null;
  }

  /**
   * Writes the first {@code length} bytes of {@code bytes} as block {@code index} of {@code o}
   * and evicts until the cache fits again. The caller may reuse {@code bytes} afterwards.
   */
  public void write(DiskObject o, long index, byte[] bytes, int length) {
    int added = o.write(index, bytes, length);
    if (added == 0) {
      return;
    }
    counters.load();
    List<DiskObject> victims;
    synchronized (this) {
      if (objects.get(o.version().path()) == o) {
        usedBytes += added;
      }
      victims = evictOverBound(null);
    }
    deleteEvicted(victims);
  }

  /** The data file of {@code v} if every block of it is on disk (for FUSE passthrough). */
  public Optional<Path> completeFile(ObjectVersion v) {
    DiskObject o;
    synchronized (this) {
      o = objects.get(v.path());
    }
    if (o == null || !o.version().equals(v) || !o.isComplete()) {
      return Optional.empty();
    }
    return Optional.of(o.dataFile());
  }

  /**
   * Takes {@code file} (a just-uploaded staged file holding exactly version {@code v}) into the
   * cache as a complete object, so reading back what was written costs no fetch.
   */
  public void adopt(ObjectVersion v, Path file) throws IOException {
    if (maxBytes == 0 || v.size() > maxBytes) {
      Files.deleteIfExists(file);
      return;
    }
    DiskObject replaced;
    synchronized (this) {
      replaced = objects.remove(v.path());
      if (replaced != null) {
        usedBytes -= replaced.bytes();
      }
    }
    if (replaced != null) {
      replaced.delete();
    }
    BitSet all = new BitSet();
    all.set(0, (int) v.blockCount(blockSize));
    DiskObject empty = newObject(v);
    DiskObject full = new DiskObject(v, blockSize, empty.dataFile(), empty.indexFile(), all);
    Files.move(file, full.dataFile(), StandardCopyOption.REPLACE_EXISTING);
    new DiskIndex(v, blockSize, all).writeTo(full.indexFile());
    List<DiskObject> victims;
    DiskObject raced;
    synchronized (this) {
      raced = objects.put(v.path(), full);
      if (raced != null) {
        usedBytes -= raced.bytes();
      }
      usedBytes += full.bytes();
      victims = evictOverBound(full);
    }
    if (raced != null) {
      raced.delete();
    }
    deleteEvicted(victims);
  }

  /** Forgets every version of {@code path} itself. */
  public void invalidateExact(String path) {
    DiskObject gone;
    synchronized (this) {
      gone = objects.remove(path);
      if (gone != null) {
        usedBytes -= gone.bytes();
      }
    }
    if (gone != null) {
      gone.delete();
    }
  }

  /** Forgets every version of {@code path} and anything below it. */
  public void invalidate(String path) {
    List<DiskObject> gone = new ArrayList<>();
    synchronized (this) {
      Iterator<Map.Entry<String, DiskObject>> it = objects.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<String, DiskObject> e = it.next();
        String p = e.getKey();
        if (p.equals(path) || p.startsWith(path.endsWith("/") ? path : path + "/")) {
          it.remove();
          usedBytes -= e.getValue().bytes();
          gone.add(e.getValue());
        }
      }
    }
    gone.forEach(DiskObject::delete);
  }

  /**
   * Saves the index of every object with blocks written since its last save and none for {@code
   * quiet}. Waiting until the kernel's own writeback (dirty_expire_centisecs, 30 s by default) has
   * put the data on disk makes the fsync cheap: an fsync on the fetch path cost a cold read a third
   * of its speed, and one of 512 MiB a second after a read ended made the next cold reads here
   * alternate between full and half speed.
   */
  public void saveQuietIndexes(Duration quiet) {
    List<DiskObject> all;
    synchronized (this) {
      all = new ArrayList<>(objects.values());
    }
    long quietNanos = quiet.toNanos();
    for (DiskObject o : all) {
      o.saveIfQuiet(quietNanos);
    }
  }

  /** Saves every index and closes every file; the objects stay for the next run. */
  public void close() {
    List<DiskObject> all;
    synchronized (this) {
      all = new ArrayList<>(objects.values());
    }
    all.forEach(DiskObject::close);
  }

  public synchronized long usedBytes() {
    return usedBytes;
  }

  public TierStats stats() {
    synchronized (this) {
      return counters.snapshot(objects.size(), usedBytes);
    }
  }

  private DiskObject newObject(ObjectVersion v) {
    String base = pathHash(v.path()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new DiskObject(
        v, blockSize, root.resolve(base + ".data"), root.resolve(base + ".idx"), new BitSet());
  }

  private void recover() throws IOException {
    List<Path> indexes = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "*.idx")) {
      ds.forEach(indexes::add);
    }
    // Oldest first, so the access order of the map approximates the last run's.
    indexes.sort(Comparator.comparing(DiskCache::modifiedTime));
    for (Path idx : indexes) {
      Path data = idx.resolveSibling(idx.getFileName().toString().replace(".idx", ".data"));
      try {
        DiskIndex di = DiskIndex.readFrom(idx);
        if (di.blockSize() != blockSize || !Files.exists(data)) {
          throw new IOException("index does not match this cache: " + idx);
        }
        DiskObject o = new DiskObject(di.version(), blockSize, data, idx, di.present());
        DiskObject old = objects.put(di.version().path(), o);
        if (old != null) {
          usedBytes -= old.bytes();
          old.delete();
        }
        usedBytes += o.bytes();
      } catch (IOException | RuntimeException e) {
        LOG.info("dropping unusable disk cache entry {}: {}", idx, e.toString());
        Files.deleteIfExists(idx);
        Files.deleteIfExists(data);
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "*.data")) {
      for (Path data : ds) {
        Path idx = data.resolveSibling(data.getFileName().toString().replace(".data", ".idx"));
        if (!Files.exists(idx)) {
          Files.deleteIfExists(data); // fetched into but never indexed: nothing in it is trusted
        }
      }
    }
    List<DiskObject> victims;
    synchronized (this) {
      victims = evictOverBound(null);
    }
    deleteEvicted(victims);
  }

  /** Unlinks least recently used objects, except {@code keep}, until the bound holds. */
  private List<DiskObject> evictOverBound(DiskObject keep) {
    assert Thread.holdsLock(this);
    List<DiskObject> victims = new ArrayList<>();
    Iterator<DiskObject> lru = objects.values().iterator();
    while (usedBytes > maxBytes && lru.hasNext()) {
      DiskObject victim = lru.next();
      if (victim != keep) {
        lru.remove();
        usedBytes -= victim.bytes();
        victims.add(victim);
      }
    }
    return victims;
  }

  /** Deletes evicted objects' files; outside the monitor, as it is file I/O. */
  private void deleteEvicted(List<DiskObject> victims) {
    for (DiskObject v : victims) {
      counters.eviction();
      v.delete();
    }
  }

  private static java.nio.file.attribute.FileTime modifiedTime(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return java.nio.file.attribute.FileTime.fromMillis(0);
    }
  }

  private static String pathHash(String path) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
