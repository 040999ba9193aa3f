package dev.transfuse.cache.metadata;

import dev.transfuse.translators.store.DirEntry;
import java.util.HashSet;
import java.util.Set;

/** Names that appeared, disappeared or whose attributes changed between two listings. */
public record ListingDiff(Set<String> added, Set<String> removed, Set<String> modified) {

  public static ListingDiff between(Listing before, Listing after) {
    Set<String> added = new HashSet<>();
    Set<String> removed = new HashSet<>();
    Set<String> modified = new HashSet<>();
    for (DirEntry e : after.entries()) {
      DirEntry old = before.byName().get(e.name());
      if (old == null) {
        added.add(e.name());
      } else if (!old.attributes().equals(e.attributes())) {
        modified.add(e.name());
      }
    }
    for (String name : before.byName().keySet()) {
      if (!after.byName().containsKey(name)) {
        removed.add(name);
      }
    }
    return new ListingDiff(added, removed, modified);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
  }
}
