package dev.transfuse.cache.revalidate;

import dev.transfuse.cache.metadata.MetadataCache;
import dev.transfuse.translators.store.StoreException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One revalidation pass over the paths the kernel holds: a directory is listed again (a stat of
 * an S3 prefix would never show a change), anything else is stat'ed, each within the rate limit. Paths the limit left
 * unchecked go first in the next pass, so every held path is checked eventually however many
 * there are.
 */
public final class Revalidator {
  private static final Logger LOG = LoggerFactory.getLogger(Revalidator.class);

  private final MetadataCache metadata;
  private final RateLimiter limiter;
  private final Predicate<String> skip;
  // Guarded by this: paths left over from the last pass, in order.
  private Set<String> leftover = new LinkedHashSet<>();

  /**
   * @param skip paths whose local state is authoritative (staged writes) and must not be checked
   */
  public Revalidator(MetadataCache metadata, RateLimiter limiter, Predicate<String> skip) {
    this.metadata = metadata;
    this.limiter = limiter;
    this.skip = skip;
  }

  /** Checks as many of {@code held} as the rate allows; returns how many were checked. */
  public int revalidate(Collection<String> held) {
    Set<String> order;
    synchronized (this) {
      order = new LinkedHashSet<>();
      for (String p : leftover) {
        if (held.contains(p)) {
          order.add(p);
        }
      }
      order.addAll(held);
    }
    int checked = 0;
    Iterator<String> it = order.iterator();
    while (it.hasNext()) {
      String path = it.next();
      if (skip.test(path)) {
        it.remove();
        continue;
      }
      if (!limiter.tryAcquire()) {
        break;
      }
      it.remove();
      checked++;
      check(path);
    }
    synchronized (this) {
      leftover = order;
    }
    return checked;
  }

  private void check(String path) {
    try {
      if (metadata.isKnownDirectory(path)) {
        metadata.revalidateDirectory(path);
      } else {
        metadata.revalidateFile(path);
      }
    } catch (StoreException e) {
      LOG.debug("revalidation of {} failed: {}", path, e.toString());
    }
  }
}
