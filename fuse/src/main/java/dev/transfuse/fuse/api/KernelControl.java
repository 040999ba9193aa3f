package dev.transfuse.fuse.api;

import java.io.IOException;

/**
 * What a filesystem may ask of the kernel on its own initiative, from any thread: drop cached
 * attributes, pages and names (notifications), and register backing files for passthrough.
 *
 * <p>Never notify from inside a handler of a related request (lookup, create, unlink or rename
 * on the parent; setattr or readdir on the inode itself): the kernel holds locks that the
 * notification waits for, and both hang.
 */
public interface KernelControl {
  /**
   * Drops the kernel's cached attributes of {@code nodeId} and its cached pages in
   * [{@code offset}, {@code offset + length}); {@code length} 0 means to the end of file, a
   * negative {@code offset} means attributes only. For a directory this also drops the readdir
   * cache.
   *
   * @return false if the kernel does not know the node (nothing was cached)
   */
  boolean invalidateInode(long nodeId, long offset, long length) throws IOException;

  /**
   * Drops the kernel's cached lookup of {@code name} in {@code parentId} (positive or negative),
   * so the next access looks it up again.
   *
   * @return false if the kernel had nothing cached under that name
   */
  boolean invalidateEntry(long parentId, String name) throws IOException;

  /**
   * Tells the kernel that {@code name} in {@code parentId}, which was {@code childId}, is gone:
   * like {@link #invalidateEntry}, and open files of the child see it deleted.
   */
  boolean deleteEntry(long parentId, long childId, String name) throws IOException;

  /** Whether {@link #openBacking} can work on this connection (kernel offer and privilege). */
  boolean passthroughAvailable();

  /**
   * Registers a local file as a backing file for passthrough reads (and writes, if {@code
   * writable}). The kernel keeps its own reference, so the file may be replaced or deleted
   * afterwards without affecting files opened with the id.
   *
   * @return the backing id to put in {@link Opened#passthrough}
   * @throws IOException if the kernel refuses (no privilege, unsupported file)
   */
  int openBacking(java.nio.file.Path file, boolean writable) throws IOException;

  /** Releases a backing id; open files that use it keep working until closed. */
  void closeBacking(int backingId) throws IOException;
}
