package dev.transfuse.mount.fs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node the kernel knows: its id, where it sits (parent link and name, so a rename moves a
 * whole subtree by changing one node), and how many lookups the kernel holds on it.
 *
 * <p>Lock order: {@link InodeTable}'s rename lock, then a parent's {@link #children} map
 * operations; never the other way round.
 */
final class Inode {
  final long id;
  private volatile Inode parent;
  private volatile String name;
  /** Children the kernel has looked up; others are not tracked. */
  final ConcurrentHashMap<String, Inode> children = new ConcurrentHashMap<>();
  final AtomicLong lookups = new AtomicLong();
  /** Deleted or replaced by a rename: no longer reachable by name, alive while held or open. */
  volatile boolean unlinked;
  /**
   * The change token of the content the kernel's page cache may hold for this node: an open of
   * the same token keeps the pages (KEEP_CACHE), any other drops them. Null: unknown.
   */
  volatile String pageCacheToken;
  /** Passthrough backing id shared by this node's open files, and how many use it. */
  int backingId;
  int backingUsers;

  Inode(long id, Inode parent, String name) {
    this.id = id;
    this.parent = parent;
    this.name = name;
  }

  Inode parent() {
    return parent;
  }

  String name() {
    return name;
  }

  void moveTo(Inode newParent, String newName) {
    this.parent = newParent;
    this.name = newName;
  }

  /** The store path ("/" for the root), derived from parent links at the time of the call. */
  String path() {
    Inode p = parent;
    if (p == null) {
      return "/";
    }
    StringBuilder sb = new StringBuilder();
    prepend(sb, this);
    return sb.toString();
  }

  private static void prepend(StringBuilder sb, Inode n) {
    Inode p = n.parent;
    if (p == null) {
      return;
    }
    prepend(sb, p);
    sb.append('/').append(n.name);
  }
}
