package dev.transfuse.mount.fs;

import dev.transfuse.fuse.api.Filesystem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Node ids the kernel holds, and the path each stands for. A node exists while the kernel holds
 * lookups on it (LOOKUP, CREATE, MKDIR and READDIRPLUS replies add one, FORGET drops them) and is
 * dropped at zero, so the table is as big as the kernel's inode cache, not the store.
 *
 * <p>Inode numbers shown by stat are not the node ids but a 64-bit hash of the path
 * ({@link #inodeNumber}), so a path keeps its inode number for the life of the mount (and
 * across restarts) even when the kernel forgot the node in between.
 */
final class InodeTable {
  private final Inode root = new Inode(Filesystem.ROOT_ID, null, "");
  private final ConcurrentHashMap<Long, Inode> byId = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(Filesystem.ROOT_ID + 1);
  /** Renames change parent links of a subtree; one at a time keeps paths consistent. */
  private final Object renameLock = new Object();

  InodeTable() {
    byId.put(root.id, root);
    root.lookups.set(1); // the kernel never forgets the root
  }

  Inode root() {
    return root;
  }

  Optional<Inode> get(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The node for {@code name} in {@code parent}, with one more lookup held by the kernel. */
  Inode lookedUp(Inode parent, String name) {
    return parent.children.compute(name, (k, existing) -> {
      Inode n = existing != null ? existing : new Inode(nextId.getAndIncrement(), parent, name);
      if (existing == null) {
        byId.put(n.id, n);
      }
      n.lookups.incrementAndGet();
      return n;
    });
  }

  /** The kernel dropped {@code n} lookups of node {@code id}; the node goes at zero. */
  void forget(long id, long n) {
    Inode node = byId.get(id);
    if (node == null || node == root) {
      return;
    }
    if (node.unlinked) {
      if (node.lookups.addAndGet(-n) <= 0) {
        byId.remove(id);
      }
      return;
    }
    Inode parent = node.parent();
    parent.children.computeIfPresent(node.name(), (k, current) -> {
      if (current != node) {
        return current;
      }
      if (node.lookups.addAndGet(-n) > 0 || !node.children.isEmpty()) {
        return node;
      }
      byId.remove(node.id);
      return null;
    });
  }

  /** Moves {@code name} of {@code from} to {@code newName} of {@code to}, with its subtree. */
  void rename(Inode from, String name, Inode to, String newName) {
    synchronized (renameLock) {
      Inode moving = from.children.remove(name);
      Inode replaced = to.children.remove(newName);
      if (replaced != null) {
        replaced.unlinked = true; // keeps its id while held; its path now names another file
      }
      if (moving != null) {
        moving.moveTo(to, newName);
        to.children.put(newName, moving);
      }
    }
  }

  /** Forgets the name {@code name} of {@code parent} (deleted); the node lives on if held. */
  void unlink(Inode parent, String name) {
    Inode gone = parent.children.remove(name);
    if (gone != null) {
      gone.unlinked = true;
    }
  }

  /** The node the kernel holds for {@code path}, if it holds one. */
  Optional<Inode> find(String path) {
    Inode n = root;
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        n = n.children.get(part);
        if (n == null) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(n);
  }

  /** Every node the kernel holds at or below {@code path}. */
  List<Inode> heldUnder(String path) {
    String prefix = path.endsWith("/") ? path : path + "/";
    List<Inode> found = new ArrayList<>();
    for (Inode n : byId.values()) {
      String p = n.path();
      if (!n.unlinked && (p.equals(path) || p.startsWith(prefix) || path.equals("/"))) {
        found.add(n);
      }
    }
    return found;
  }

  /** The paths of every node the kernel holds (for revalidation). */
  List<String> heldPaths() {
    List<String> paths = new ArrayList<>(byId.size());
    for (Inode n : byId.values()) {
      paths.add(n.path());
    }
    return paths;
  }

  int size() {
    return byId.size();
  }

  /** A stable inode number for a path: FNV-1a 64 of its UTF-8 bytes (1 for the root). */
  static long inodeNumber(String path) {
    if (path.equals("/")) {
      return 1;
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h == 0 || h == 1 ? h + 2 : h;
  }
}
