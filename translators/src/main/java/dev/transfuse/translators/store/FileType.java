package dev.transfuse.translators.store;

/** The kinds of entry a store can hold. */
public enum FileType {
  FILE,
  DIRECTORY,
  SYMLINK
}
