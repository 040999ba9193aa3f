package dev.transfuse.fuse.api;

/** Collects READDIRPLUS entries (name plus its lookup answer) into the reply buffer. */
@FunctionalInterface
public interface DirectoryPlusFiller {
  /**
   * Adds one entry with its lookup result. Each added entry whose node id is not 0, other than
   * "." and "..", counts as a lookup of that node (as if LOOKUP had answered it), so count it only
   * when this returns true.
   *
   * @return false when the reply is full: stop, this entry was not added
   */
  boolean add(Entry entry, String name, long nextOffset);
}
