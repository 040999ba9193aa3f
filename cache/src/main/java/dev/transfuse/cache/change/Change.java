package dev.transfuse.cache.change;

import dev.transfuse.translators.store.FileAttributes;
import java.util.Objects;
import java.util.Set;

/**
 * Something the cache learned changed at a path, told to a {@link ChangeListener} so the FUSE
 * bridge can push the matching kernel invalidation. Each kind maps to one kernel action:
 * {@link FileChanged} to dropping an inode's attributes and pages, {@link DirectoryChanged} to
 * dropping a directory's readdir cache and the named dentries, {@link Removed} to dropping the
 * entry.
 */
public sealed interface Change permits Change.FileChanged, Change.DirectoryChanged, Change.Removed {

  /** The path that changed. */
  String path();

  /** A file's content or attributes changed; {@code now} is what the store reports now. */
  record FileChanged(String path, FileAttributes now) implements Change {
    public FileChanged {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(now, "now");
    }
  }

  /**
   * The listing of directory {@code path} changed: names that appeared, disappeared, or whose
   * attributes changed (each of the latter also gets its own {@link FileChanged}). All three sets
   * empty means the directory changed but the cache no longer had the old listing to compare
   * with, so which names changed is unknown.
   */
  record DirectoryChanged(String path, Set<String> added, Set<String> removed, Set<String> modified)
      implements Change {
    public DirectoryChanged {
      Objects.requireNonNull(path, "path");
      added = Set.copyOf(added);
      removed = Set.copyOf(removed);
      modified = Set.copyOf(modified);
    }
  }

  /** Nothing exists at {@code path} any more. */
  record Removed(String path) implements Change {
    public Removed {
      Objects.requireNonNull(path, "path");
    }
  }
}
