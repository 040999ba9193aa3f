package dev.transfuse.cache.metadata;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.transfuse.cache.change.Change;
import dev.transfuse.cache.stats.TierStats;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Attributes (an empty {@code Optional} is a cached "does not exist") and listings of one store.
 *
 * <p>Both are Caffeine loading caches bounded by weight. An entry is fresh for {@code ttl}; after
 * that, the next access still answers from it and a refresh runs on the executor
 * (stale-while-revalidate), so a hot path never waits for the store once a path has been loaded.
 * An entry nobody asked for is dropped after {@code maxAge}. Concurrent misses on one key share
 * one load, so they make one remote call.
 *
 * <p>The caches are asynchronous underneath, viewed synchronously: a load runs on the executor
 * while the caller waits on its future, so no map lock is held while the store is asked (a
 * synchronous Caffeine load would hold its hash bin's lock for the whole remote call).
 *
 * <p>A listing fills the attributes of each child, which is what makes {@code ls -l} of a cold
 * directory cost one listing; and a stat whose parent listing is cached is answered from it,
 * negative answers included. Refreshes compare the old and new value and report differences to
 * the change sink.
 */
public final class MetadataCache {
  private final Store store;
  private final DirectoryMtimes mtimes;
  private final Consumer<Change> changes;
  private final LoadingCache<String, Optional<FileAttributes>> attrs;
  private final LoadingCache<String, Listing> listings;

  public MetadataCache(
      Store store,
      Duration ttl,
      Duration maxAge,
      long maxBytes,
      Ticker ticker,
      Executor executor,
      DirectoryMtimes mtimes,
      Consumer<Change> changes) {
    this.store = store;
    this.mtimes = mtimes;
    this.changes = changes;
    long half = Math.max(1, maxBytes / 2);
    this.attrs =
        Caffeine.newBuilder()
            .maximumWeight(half)
            .weigher((String k, Optional<FileAttributes> v) -> attrWeight(k, v))
            .refreshAfterWrite(ttl)
            .expireAfterWrite(maxAge)
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .buildAsync(new AttrLoader())
            .synchronous();
    this.listings =
        Caffeine.newBuilder()
            .maximumWeight(half)
            .weigher((String k, Listing v) -> 2 * k.length() + v.weight())
            .refreshAfterWrite(ttl)
            .expireAfterWrite(maxAge)
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .buildAsync(new ListingLoader())
            .synchronous();
  }

  /** Attributes of {@code path}, empty if nothing is there. */
  public Optional<FileAttributes> stat(String path) throws StoreException {
    return StoreCalls.unwrap(() -> attrs.get(path));
  }

  /** The listing of {@code dir}; NOT_FOUND / NOT_A_DIRECTORY as {@link Store#list} says. */
  public Listing list(String dir) throws StoreException {
    return StoreCalls.unwrap(() -> listings.get(dir));
  }

  /** What is cached for {@code path} now, without loading, refreshing or counting. */
  public Optional<FileAttributes> peek(String path) {
    Optional<FileAttributes> a = attrs.policy().getIfPresentQuietly(path);
    return a == null ? Optional.empty() : a;
  }

  /** Whether the cache holds anything (positive or negative) for {@code path}. */
  public boolean holdsAttributes(String path) {
    return attrs.policy().getIfPresentQuietly(path) != null;
  }

  /** Whether {@code path} is a directory as far as anything cached here says. */
  public boolean isKnownDirectory(String path) {
    return listings.policy().getIfPresentQuietly(path) != null
        || peek(path).map(FileAttributes::isDirectory).orElse(false)
        || mtimes.fingerprint(path).isPresent();
  }

  public Listing peekListing(String dir) {
    return listings.policy().getIfPresentQuietly(dir);
  }

  /**
   * Records a local change of {@code path} (present or, if empty, gone) in its attributes and in
   * its parent's cached listing, which is patched rather than dropped so a directory being
   * written into is not listed again after every file.
   */
  public void updateEntry(String path, Optional<FileAttributes> now) {
    attrs.put(path, now);
    String parent = StorePaths.parent(path);
    if (parent == null) {
      return;
    }
    String name = StorePaths.name(path);
    Listing patched =
        listings
            .asMap()
            .computeIfPresent(
                parent,
                (dir, l) -> {
                  java.util.List<DirEntry> entries = new java.util.ArrayList<>(l.entries());
                  entries.removeIf(e -> e.name().equals(name));
                  now.ifPresent(a -> entries.add(new DirEntry(name, a)));
                  return new Listing(entries);
                });
    if (patched != null) {
      mtimes.listed(parent, patched);
    }
  }

  /** Drops attributes of {@code path} and the listing of {@code path} and of its parent. */
  public void invalidate(String path) {
    attrs.invalidate(path);
    listings.invalidate(path);
    String parent = StorePaths.parent(path);
    if (parent != null) {
      listings.invalidate(parent);
    }
  }

  /** Drops the attributes and listing of {@code path} only. */
  public void invalidateExact(String path) {
    attrs.invalidate(path);
    listings.invalidate(path);
  }

  /** Drops everything at or below {@code path} (its parent's listing is the caller's call). */
  public void invalidateTree(String path) {
    attrs.asMap().keySet().removeIf(p -> StorePaths.isWithin(p, path));
    listings.asMap().keySet().removeIf(p -> StorePaths.isWithin(p, path));
  }

  /**
   * Asks the store for {@code path} now, stores the answer and reports a difference from what was
   * cached. Used by revalidation, which must not wait for a TTL.
   */
  public Optional<FileAttributes> revalidateFile(String path) throws StoreException {
    Optional<FileAttributes> before = attrs.policy().getIfPresentQuietly(path);
    Optional<FileAttributes> now = store.stat(path);
    attrs.put(path, now);
    if (before != null) {
      reportFile(path, before, now);
    }
    return now;
  }

  /** Lists {@code dir} now, stores it, and reports what changed against the cached listing. */
  public Optional<Listing> revalidateDirectory(String dir) throws StoreException {
    Listing before = listings.policy().getIfPresentQuietly(dir);
    Optional<String> seen = mtimes.fingerprint(dir);
    Listing now;
    try {
      now = loadListing(dir);
    } catch (StoreException e) {
      if (e.kind() != StoreException.Kind.NOT_FOUND) {
        throw e;
      }
      listings.invalidate(dir);
      attrs.put(dir, Optional.empty());
      changes.accept(new Change.Removed(dir));
      return Optional.empty();
    }
    listings.put(dir, now);
    if (before != null) {
      reportListing(dir, before, now);
    } else if (seen.isPresent() && !seen.get().equals(now.fingerprint())) {
      // The listing left this cache (the kernel served it, so nobody asked us), but the
      // fingerprint of the last one seen survives: the directory changed, names unknown.
      changes.accept(new Change.DirectoryChanged(dir, Set.of(), Set.of(), Set.of()));
    }
    return Optional.of(now);
  }

  public TierStats attributeStats() {
    return statsOf(attrs);
  }

  public TierStats listingStats() {
    return statsOf(listings);
  }

  private static TierStats statsOf(LoadingCache<String, ?> c) {
    long weight = c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    return TierStats.of(c.stats(), c.estimatedSize(), weight);
  }

  /** Runs Caffeine's pending maintenance (expiry, eviction) now; tests call it after the ticker. */
  public void cleanUp() {
    attrs.cleanUp();
    listings.cleanUp();
  }

  private Listing loadListing(String dir) throws StoreException {
    Listing l = new Listing(store.list(dir));
    for (DirEntry e : l.entries()) {
      attrs.put(StorePaths.child(dir, e.name()), Optional.of(e.attributes()));
    }
    mtimes.listed(dir, l);
    return l;
  }

  private void reportFile(String path, Optional<FileAttributes> before, Optional<FileAttributes> now) {
    ChangeReport.ofFile(path, before, now).forEach(changes);
  }

  private void reportListing(String dir, Listing before, Listing now) {
    ListingDiff diff = ListingDiff.between(before, now);
    for (String name : diff.removed()) {
      attrs.put(StorePaths.child(dir, name), Optional.empty());
    }
    ChangeReport.ofListing(dir, before, now, diff).forEach(changes);
  }

  private static int attrWeight(String path, Optional<FileAttributes> v) {
    return 64 + 2 * path.length() + v.map(a -> 2 * a.changeToken().length() + 48).orElse(0);
  }

  private final class AttrLoader implements CacheLoader<String, Optional<FileAttributes>> {
    @Override
    public Optional<FileAttributes> load(String path) throws StoreException {
      String parent = StorePaths.parent(path);
      Listing l = parent == null ? null : listings.policy().getIfPresentQuietly(parent);
      if (l != null) {
        // Answered from the parent's listing, negative answers too. It saves one remote call
        // per child after a readdir; the price is that the answer may be up to one TTL older
        // than a stat would be, which the listing's own refresh bounds.
        return l.find(StorePaths.name(path));
      }
      return store.stat(path);
    }

    @Override
    public Optional<FileAttributes> reload(String path, Optional<FileAttributes> old)
        throws StoreException {
      Optional<FileAttributes> now = store.stat(path);
      reportFile(path, old, now);
      return now;
    }
  }

  private final class ListingLoader implements CacheLoader<String, Listing> {
    @Override
    public Listing load(String dir) throws StoreException {
      try {
        return loadListing(dir);
      } catch (StoreException e) {
        if (e.kind() == StoreException.Kind.NOT_FOUND) {
          attrs.put(dir, Optional.empty());
        }
        throw e;
      }
    }

    @Override
    public Listing reload(String dir, Listing old) throws StoreException {
      Listing now;
      try {
        now = loadListing(dir);
      } catch (StoreException e) {
        if (e.kind() != StoreException.Kind.NOT_FOUND) {
          throw e;
        }
        attrs.put(dir, Optional.empty());
        changes.accept(new Change.Removed(dir));
        return null; // null drops the entry
      }
      reportListing(dir, old, now);
      return now;
    }
  }
}
