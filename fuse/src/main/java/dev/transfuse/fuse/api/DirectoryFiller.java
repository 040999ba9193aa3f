package dev.transfuse.fuse.api;

/** Collects READDIR entries into the reply buffer. */
@FunctionalInterface
public interface DirectoryFiller {
  /**
   * Adds one entry.
   *
   * @param ino inode number shown in d_ino
   * @param name 1..1024 bytes of UTF-8, no '/'
   * @param mode the entry's mode (only the type bits are used)
   * @param nextOffset the offset the kernel passes back to continue after this entry
   * @return false when the reply is full: stop, this entry was not added
   */
  boolean add(long ino, String name, int mode, long nextOffset);
}
