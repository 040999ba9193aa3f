package dev.transfuse.cache.write;

import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.StoreException;

/** Copies a file's current content into a newly staged file before the writer sees it. */
@FunctionalInterface
public interface Filler {
  /** Fills {@code staged}; returns the attributes of the version copied, or null if none. */
  FileAttributes fill(StagedFile staged) throws StoreException;
}
