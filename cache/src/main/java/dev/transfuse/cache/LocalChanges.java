package dev.transfuse.cache;

import dev.transfuse.cache.change.Change;
import dev.transfuse.cache.metadata.StorePaths;
import dev.transfuse.cache.write.StagedFile;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;
import java.util.Optional;
import java.util.Set;

/**
 * mkdir, delete and rename: each is passed to the store, and only once the store succeeded are
 * the caches brought in line (so a failure leaves them telling the truth) and the listeners told.
 */
final class LocalChanges {
  private final CacheParts parts;

  LocalChanges(CacheParts parts) {
    this.parts = parts;
  }

  void requireWritable() throws StoreException {
    if (parts.store.capabilities().readOnly()) {
      throw new StoreException(StoreException.Kind.UNSUPPORTED, "the store is read-only");
    }
  }

  void mkdir(String path) throws StoreException {
    requireWritable();
    parts.store.mkdir(path);
    forget(path, false); // a cached "does not exist" included
    entryAdded(path);
  }

  void delete(String path) throws StoreException {
    requireWritable();
    for (StagedFile sf : parts.staging.all()) {
      if (!sf.path().equals(path) && StorePaths.isWithin(sf.path(), path)) {
        // The store may not know that file yet and call the directory empty.
        throw new StoreException(StoreException.Kind.NOT_EMPTY, path + " has files being written");
      }
    }
    Optional<StagedFile> staged = parts.staging.find(path);
    try {
      parts.store.delete(path);
    } catch (StoreException e) {
      // A file created here and never uploaded exists only in staging.
      if (e.kind() != StoreException.Kind.NOT_FOUND || staged.isEmpty()) {
        throw e;
      }
    }
    boolean dir = mayBeDirectory(path);
    parts.staging.discard(path);
    forget(path, dir);
    parts.metadata.updateEntry(path, Optional.empty());
    parts.dispatcher.accept(new Change.Removed(path));
    String parent = StorePaths.parent(path);
    if (parent != null) {
      parts.dispatcher.accept(
          new Change.DirectoryChanged(parent, Set.of(), Set.of(StorePaths.name(path)), Set.of()));
    }
  }

  /**
   * Staged content under {@code from} is uploaded first, so the store renames what the writer
   * wrote; a failed upload fails the rename and nothing moves.
   */
  void rename(String from, String to) throws StoreException {
    requireWritable();
    for (StagedFile sf : parts.staging.all()) {
      if (StorePaths.isWithin(sf.path(), from)) {
        parts.uploader.flush(sf);
      }
    }
    boolean dir = mayBeDirectory(from) || mayBeDirectory(to);
    parts.store.rename(from, to);
    parts.staging.rename(from, to);
    forget(from, dir);
    forget(to, dir);
    parts.metadata.updateEntry(from, Optional.empty());
    parts.dispatcher.accept(new Change.Removed(from));
    String parent = StorePaths.parent(from);
    if (parent != null) {
      parts.dispatcher.accept(
          new Change.DirectoryChanged(parent, Set.of(), Set.of(StorePaths.name(from)), Set.of()));
    }
    entryAdded(to);
  }

  /**
   * Drops what the caches hold for {@code path}, and below it if it may be a directory. Why the
   * distinction: a tree drop scans every cached key, and {@code rm -rf} of a large tree deletes
   * file after file; a file needs only its own keys dropped.
   */
  private void forget(String path, boolean tree) {
    if (tree) {
      parts.metadata.invalidateTree(path);
      parts.memory.invalidate(path);
      parts.disk.invalidate(path);
      parts.mtimes.forget(path);
    } else {
      parts.metadata.invalidateExact(path);
      parts.memory.invalidate(path);
      parts.disk.invalidateExact(path);
    }
  }

  /** False only when the cache knows {@code path} is not a directory. */
  private boolean mayBeDirectory(String path) {
    if (parts.metadata.peekListing(path) != null) {
      return true;
    }
    return !parts.metadata.holdsAttributes(path)
        || parts.metadata.peek(path).map(FileAttributes::isDirectory).orElse(false);
  }

  private void entryAdded(String path) {
    String parent = StorePaths.parent(path);
    if (parent != null) {
      parts.metadata.invalidate(parent);
      parts.dispatcher.accept(
          new Change.DirectoryChanged(parent, Set.of(StorePaths.name(path)), Set.of(), Set.of()));
    }
  }
}
