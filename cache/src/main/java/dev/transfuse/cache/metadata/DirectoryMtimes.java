package dev.transfuse.cache.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.transfuse.translators.store.FileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Modification times for directories whose store has none (S3 prefixes report {@link
 * Instant#EPOCH}).
 *
 * <p>Why: the kernel keeps a directory's readdir cache only while the directory's mtime stays the
 * one it saw when it filled the cache (FUSE-NOTES, FOPEN_CACHE_DIR). So the mtime we report must
 * not move while the listing is unchanged, and must move when it changes. A directory starts at
 * the store's value (EPOCH), so a stat before and after its first listing agree; each listing
 * whose fingerprint differs from the last one seen moves it to the wall clock, strictly later
 * than before. Directories whose store reports a real mtime (SFTP, file) keep it.
 *
 * <p>The memory is bounded; a directory forgotten and seen again starts from EPOCH, which a
 * kernel that cached it will treat as a change, so forgetting costs a re-read, never staleness.
 */
public final class DirectoryMtimes {
  private static final int MAX_DIRECTORIES = 500_000;

  private record Seen(String fingerprint, Instant mtime) {}

  private final Clock clock;
  private final Cache<String, Seen> seen;

  public DirectoryMtimes(Clock clock) {
    this.clock = clock;
    this.seen = Caffeine.newBuilder().maximumSize(MAX_DIRECTORIES).executor(Runnable::run).build();
  }

  /** Records a listing of {@code dir}; moves its mtime if the listing changed. */
  public void listed(String dir, Listing listing) {
    seen.asMap()
        .compute(
            dir,
            (k, old) -> {
              if (old == null) {
                return new Seen(listing.fingerprint(), Instant.EPOCH);
              }
              if (old.fingerprint().equals(listing.fingerprint())) {
                return old;
              }
              Instant now = clock.instant();
              Instant next = now.isAfter(old.mtime()) ? now : old.mtime().plusMillis(1);
              return new Seen(listing.fingerprint(), next);
            });
  }

  /** The fingerprint of the last listing of {@code dir} seen, if remembered. */
  public Optional<String> fingerprint(String dir) {
    Seen s = seen.getIfPresent(dir);
    return s == null ? Optional.empty() : Optional.of(s.fingerprint());
  }

  /** Forgets {@code dir} and everything below it. */
  public void forget(String dir) {
    seen.asMap().keySet().removeIf(p -> StorePaths.isWithin(p, dir));
  }

  /** {@code attrs} with a stable mtime if they are a directory's without one of its own. */
  public FileAttributes stabilise(String path, FileAttributes attrs) {
    if (!attrs.isDirectory() || !Instant.EPOCH.equals(attrs.modified())) {
      return attrs;
    }
    Seen s = seen.getIfPresent(path);
    if (s == null || Instant.EPOCH.equals(s.mtime())) {
      return attrs;
    }
    return new FileAttributes(
        attrs.type(), attrs.size(), s.mtime(), attrs.changeToken(), attrs.permissions());
  }
}
