package dev.transfuse.cache.metadata;

import dev.transfuse.cache.change.Change;
import dev.transfuse.translators.store.FileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns an old and a new answer of the store into the {@link Change}s a listener must hear. */
final class ChangeReport {
  private ChangeReport() {}

  /** What changed at {@code path} between two stats (empty = nothing there). */
  static List<Change> ofFile(
      String path, Optional<FileAttributes> before, Optional<FileAttributes> now) {
    List<Change> out = new ArrayList<>();
    if (before.equals(now)) {
      return out;
    }
    String parent = StorePaths.parent(path);
    if (now.isEmpty()) {
      out.add(new Change.Removed(path));
    } else if (before.isEmpty() && parent != null) {
      // Something appeared where a lookup had found nothing: to the kernel, the parent gained a
      // name (its negative entry must go), which is what a directory change says.
      out.add(
          new Change.DirectoryChanged(parent, Set.of(StorePaths.name(path)), Set.of(), Set.of()));
    } else {
      out.add(new Change.FileChanged(path, now.get()));
    }
    return out;
  }

  /** What changed in directory {@code dir} between two listings. */
  static List<Change> ofListing(String dir, Listing before, Listing now, ListingDiff diff) {
    List<Change> out = new ArrayList<>();
    if (diff.isEmpty()) {
      return out;
    }
    out.add(new Change.DirectoryChanged(dir, diff.added(), diff.removed(), diff.modified()));
    for (String name : diff.modified()) {
      out.add(
          new Change.FileChanged(StorePaths.child(dir, name), now.byName().get(name).attributes()));
    }
    return out;
  }
}
