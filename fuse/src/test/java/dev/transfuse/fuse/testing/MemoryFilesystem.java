package dev.transfuse.fuse.testing;

import dev.transfuse.fuse.api.Attr;
import dev.transfuse.fuse.api.AttrReply;
import dev.transfuse.fuse.api.Caller;
import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.api.Created;
import dev.transfuse.fuse.api.DirectoryFiller;
import dev.transfuse.fuse.api.DirectoryPlusFiller;
import dev.transfuse.fuse.api.Entry;
import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.api.FuseException;
import dev.transfuse.fuse.api.KernelControl;
import dev.transfuse.fuse.api.Opened;
import dev.transfuse.fuse.api.SetAttr;
import dev.transfuse.fuse.api.StatFs;
import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.fuse.kernel.FileMode;
import dev.transfuse.fuse.kernel.OpenFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory filesystem for tests and benchmarks: files and directories in a node table, with
 * the kernel cache policy under test control (timeouts, KEEP_CACHE, zero-message opendir), fault
 * injection (a name whose reads throw, a name whose reads block), and passthrough of files that
 * have a local backing file.
 */
public final class MemoryFilesystem implements Filesystem {
  private static final int O_TRUNC = 01000;
  private static final int RENAME_NOREPLACE = 1;

  /** One file or directory. Data and attributes change under the node's monitor. */
  static final class Node {
    final long id;
    volatile Attr attr;
    byte[] data = new byte[0];
    final ConcurrentSkipListMap<String, Node> children = new ConcurrentSkipListMap<>();
    volatile Path backing;

    Node(long id, Attr attr) {
      this.id = id;
      this.attr = attr;
    }
  }

  private final Map<Long, Node> nodes = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(Filesystem.ROOT_ID + 1);
  private final AtomicLong lookupsOutstanding = new AtomicLong();
  private final long timeoutNanos;
  private final long negativeTimeoutNanos;
  private final boolean keepCache;
  private volatile KernelControl kernel;
  private volatile ConnectionInfo connection;
  private volatile String failingName;
  private volatile String blockingName;
  private volatile CountDownLatch blockedRead = new CountDownLatch(0);
  private final CountDownLatch readBlocked = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicInteger blockedNow =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param timeout how long the kernel may cache entries and attributes (0: ask every time)
   * @param keepCache answer OPEN with KEEP_CACHE so the page cache survives reopen
   */
  public MemoryFilesystem(Duration timeout, boolean keepCache) {
    this.timeoutNanos = timeout.toNanos();
    this.negativeTimeoutNanos = timeout.toNanos();
    this.keepCache = keepCache;
    nodes.put(ROOT_ID, new Node(ROOT_ID, dirAttr(ROOT_ID, 0755)));
  }

  // ---- test control ---------------------------------------------------------------------------

  /** Creates (or replaces) a file with content, creating parent directories. */
  public long putFile(String path, byte[] content) {
    Node parent = mkdirsNode(parentOf(path));
    String name = nameOf(path);
    Node n = parent.children.computeIfAbsent(name,
        k -> register(fileAttr(nextId.getAndIncrement(), 0644, 0)));
    synchronized (n) {
      n.data = content.clone();
      n.attr = n.attr.withSize(content.length);
    }
    return n.id;
  }

  /** Marks a file as backed by a local file: opens of it pass reads through to that file. */
  public void setBacking(String path, Path localFile) {
    node(path).backing = localFile;
  }

  public long mkdirs(String path) {
    return mkdirsNode(path).id;
  }

  /** Changes a file behind the kernel's back (as another client of a remote store would). */
  public void replaceContent(String path, byte[] content) {
    Node n = node(path);
    synchronized (n) {
      n.data = content.clone();
      long now = nowNanos();
      n.attr = n.attr.withSize(content.length).withTimes(now, now, now);
    }
  }

  /** Removes a name behind the kernel's back. */
  public void removeBehindKernel(String path) {
    mkdirsNode(parentOf(path)).children.remove(nameOf(path));
  }

  public long nodeId(String path) {
    return node(path).id;
  }

  /** Reads of files named {@code name} throw an unexpected exception (null: none). */
  public void failReadsOf(String name) {
    this.failingName = name;
  }

  /**
   * Reads of files whose name starts with {@code name} block until {@link #releaseBlockedReads}.
   */
  public void blockReadsOf(String name) {
    this.blockedRead = new CountDownLatch(1);
    this.blockingName = name;
  }

  public boolean awaitReadBlocked(Duration timeout) throws InterruptedException {
    return readBlocked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many reads are blocked right now. */
  public int blockedReads() {
    return blockedNow.get();
  }

  public void releaseBlockedReads() {
    blockingName = null;
    blockedRead.countDown();
  }

  public KernelControl kernel() {
    return kernel;
  }

  public ConnectionInfo connection() {
    return connection;
  }

  /** Lookups the kernel holds (LOOKUP, CREATE, MKDIR, READDIRPLUS) minus FORGETs. */
  public long lookupsOutstanding() {
    return lookupsOutstanding.get();
  }

  // ---- Filesystem ------------------------------------------------------------------------------

  @Override
  public void init(ConnectionInfo connection, KernelControl kernel) {
    this.connection = connection;
    this.kernel = kernel;
  }

  @Override
  public Entry lookup(Caller caller, long parent, String name) throws FuseException {
    Node child = dir(parent).children.get(name);
    if (child == null) {
      if (negativeTimeoutNanos > 0) {
        return Entry.negative(negativeTimeoutNanos);
      }
      throw FuseException.notFound();
    }
    return entry(child);
  }

  @Override
  public void forget(long nodeId, long nlookup) {
    lookupsOutstanding.addAndGet(-nlookup);
  }

  @Override
  public AttrReply getattr(Caller caller, long nodeId, long fh) throws FuseException {
    return new AttrReply(existing(nodeId).attr, timeoutNanos);
  }

  @Override
  public AttrReply setattr(Caller caller, long nodeId, SetAttr change) throws FuseException {
    Node n = existing(nodeId);
    synchronized (n) {
      Attr a = n.attr;
      long now = nowNanos();
      if (change.has(SetAttr.SIZE)) {
        n.data = java.util.Arrays.copyOf(n.data, Math.toIntExact(change.size()));
        a = a.withSize(change.size()).withTimes(a.atimeNanos(), now, now);
      }
      if (change.has(SetAttr.MODE)) {
        a = a.withMode((a.mode() & FileMode.S_IFMT) | (change.mode() & 07777));
      }
      if (change.has(SetAttr.UID) || change.has(SetAttr.GID)) {
        a = a.withOwner(change.has(SetAttr.UID) ? change.uid() : a.uid(),
            change.has(SetAttr.GID) ? change.gid() : a.gid());
      }
      long atime = change.has(SetAttr.ATIME_NOW) ? now
          : change.has(SetAttr.ATIME) ? change.atimeNanos() : a.atimeNanos();
      long mtime = change.has(SetAttr.MTIME_NOW) ? now
          : change.has(SetAttr.MTIME) ? change.mtimeNanos() : a.mtimeNanos();
      n.attr = a.withTimes(atime, mtime, now);
      return new AttrReply(n.attr, timeoutNanos);
    }
  }

  @Override
  public Entry mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FuseException {
    Node p = dir(parent);
    Node n = register(dirAttr(nextId.getAndIncrement(), mode & ~umask & 07777));
    if (p.children.putIfAbsent(name, n) != null) {
      nodes.remove(n.id);
      throw new FuseException(Errno.EEXIST);
    }
    touch(p);
    return entry(n);
  }

  @Override
  public Created create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FuseException {
    Node p = dir(parent);
    Node n = register(fileAttr(nextId.getAndIncrement(), mode & ~umask & 07777, 0));
    Node existing = p.children.putIfAbsent(name, n);
    if (existing != null) {
      nodes.remove(n.id);
      n = existing;
      if ((flags & O_TRUNC) != 0) {
        synchronized (n) {
          n.data = new byte[0];
          n.attr = n.attr.withSize(0);
        }
      }
    }
    touch(p);
    return new Created(entry(n), Opened.of(n.id, keepCache ? OpenFlags.KEEP_CACHE : 0));
  }

  @Override
  public void unlink(Caller caller, long parent, String name) throws FuseException {
    Node p = dir(parent);
    Node n = p.children.get(name);
    if (n == null) {
      throw FuseException.notFound();
    }
    if (n.attr.isDirectory()) {
      throw new FuseException(Errno.EISDIR);
    }
    p.children.remove(name, n);
    touch(p);
  }

  @Override
  public void rmdir(Caller caller, long parent, String name) throws FuseException {
    Node p = dir(parent);
    Node n = p.children.get(name);
    if (n == null) {
      throw FuseException.notFound();
    }
    if (!n.attr.isDirectory()) {
      throw new FuseException(Errno.ENOTDIR);
    }
    if (!n.children.isEmpty()) {
      throw new FuseException(Errno.ENOTEMPTY);
    }
    p.children.remove(name, n);
    touch(p);
  }

  @Override
  public void rename(Caller caller, long parent, String name, long newParent, String newName,
      int flags) throws FuseException {
    if ((flags & ~RENAME_NOREPLACE) != 0) {
      throw new FuseException(Errno.EINVAL); // RENAME_EXCHANGE, RENAME_WHITEOUT
    }
    Node from = dir(parent);
    Node to = dir(newParent);
    synchronized (MemoryFilesystem.class) { // renames are rare here; one at a time is enough
      Node n = from.children.get(name);
      if (n == null) {
        throw FuseException.notFound();
      }
      Node target = to.children.get(newName);
      if (target != null) {
        if ((flags & RENAME_NOREPLACE) != 0) {
          throw new FuseException(Errno.EEXIST);
        }
        if (target.attr.isDirectory() && !target.children.isEmpty()) {
          throw new FuseException(Errno.ENOTEMPTY);
        }
      }
      to.children.put(newName, n);
      from.children.remove(name, n);
    }
    touch(from);
    touch(to);
  }

  @Override
  public Opened open(Caller caller, long nodeId, int flags) throws FuseException {
    Node n = existing(nodeId);
    if ((flags & O_TRUNC) != 0) {
      synchronized (n) {
        n.data = new byte[0];
        n.attr = n.attr.withSize(0);
      }
    }
    Path backing = n.backing;
    if (backing != null && kernel.passthroughAvailable()) {
      try {
        return Opened.passthrough(nodeId, kernel.openBacking(backing, false));
      } catch (IOException e) {
        throw new FuseException(Errno.EIO, e.getMessage(), e);
      }
    }
    return Opened.of(nodeId, keepCache ? OpenFlags.KEEP_CACHE : 0);
  }

  @Override
  public void read(Caller caller, long nodeId, long fh, long offset, ByteBuffer dst)
      throws FuseException {
    Node n = existing(nodeId);
    String name = nameOfNode(n);
    if (name != null && name.equals(failingName)) {
      throw new IllegalStateException("injected failure reading " + name);
    }
    String blocking = blockingName;
    if (name != null && blocking != null && name.startsWith(blocking)) {
      blockedNow.incrementAndGet();
      readBlocked.countDown();
      try {
        blockedRead.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FuseException(Errno.EINTR);
      } finally {
        blockedNow.decrementAndGet();
      }
    }
    synchronized (n) {
      if (offset < n.data.length) {
        int len = (int) Math.min(dst.remaining(), n.data.length - offset);
        dst.put(n.data, (int) offset, len);
      }
    }
  }

  @Override
  public int write(Caller caller, long nodeId, long fh, long offset, ByteBuffer data,
      int writeFlags) throws FuseException {
    Node n = existing(nodeId);
    int len = data.remaining();
    synchronized (n) {
      long end = offset + len;
      if (end > n.data.length) {
        n.data = java.util.Arrays.copyOf(n.data, Math.toIntExact(end));
      }
      data.get(n.data, (int) offset, len);
      long now = nowNanos();
      n.attr = n.attr.withSize(n.data.length).withTimes(n.attr.atimeNanos(), now, now);
    }
    return len;
  }

  @Override
  public void readdir(Caller caller, long nodeId, long fh, long offset, DirectoryFiller out)
      throws FuseException {
    Node d = dir(nodeId);
    long i = offset;
    if (i == 0 && !out.add(d.id, ".", FileMode.S_IFDIR, ++i)) {
      return;
    }
    if (i == 1 && !out.add(Filesystem.ROOT_ID, "..", FileMode.S_IFDIR, ++i)) {
      return;
    }
    List<Map.Entry<String, Node>> children = new ArrayList<>(d.children.entrySet());
    for (int k = (int) i - 2; k < children.size(); k++) {
      Node c = children.get(k).getValue();
      if (!out.add(c.id, children.get(k).getKey(), c.attr.mode(), k + 3)) {
        return;
      }
    }
  }

  @Override
  public void readdirplus(Caller caller, long nodeId, long fh, long offset,
      DirectoryPlusFiller out) throws FuseException {
    Node d = dir(nodeId);
    long i = offset;
    // "." and ".." go out as plain names (node id 0): the kernel does not count them as lookups.
    if (i == 0 && !out.add(new Entry(0, 0, d.attr, 0, 0), ".", ++i)) {
      return;
    }
    if (i == 1 && !out.add(new Entry(0, 0, dirAttr(ROOT_ID, 0755), 0, 0), "..", ++i)) {
      return;
    }
    List<Map.Entry<String, Node>> children = new ArrayList<>(d.children.entrySet());
    for (int k = (int) i - 2; k < children.size(); k++) {
      Node c = children.get(k).getValue();
      Entry e = Entry.of(c.id, c.attr, timeoutNanos);
      if (!out.add(e, children.get(k).getKey(), k + 3)) {
        return;
      }
      lookupsOutstanding.incrementAndGet(); // counted only once the kernel will see it
    }
  }

  @Override
  public StatFs statfs(Caller caller, long nodeId) {
    return new StatFs(1 << 20, 1 << 19, 1 << 19, 1 << 16, 1 << 15, 4096, 255);
  }

  // ---- internals -------------------------------------------------------------------------------

  private Entry entry(Node n) {
    lookupsOutstanding.incrementAndGet();
    return Entry.of(n.id, n.attr, timeoutNanos);
  }

  private Node register(Attr attr) {
    Node n = new Node(attr.ino(), attr);
    nodes.put(n.id, n);
    return n;
  }

  private Node existing(long nodeId) throws FuseException {
    Node n = nodes.get(nodeId);
    if (n == null) {
      throw new FuseException(Errno.ENOENT);
    }
    return n;
  }

  private Node dir(long nodeId) throws FuseException {
    Node n = existing(nodeId);
    if (!n.attr.isDirectory()) {
      throw new FuseException(Errno.ENOTDIR);
    }
    return n;
  }

  private void touch(Node dir) {
    long now = nowNanos();
    dir.attr = dir.attr.withTimes(dir.attr.atimeNanos(), now, now);
  }

  private String nameOfNode(Node n) {
    if (failingName == null && blockingName == null) {
      return null;
    }
    for (Node d : nodes.values()) {
      for (Map.Entry<String, Node> e : d.children.entrySet()) {
        if (e.getValue() == n) {
          return e.getKey();
        }
      }
    }
    return null;
  }

  private Node node(String path) {
    Node n = nodes.get(ROOT_ID);
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        n = n.children.get(part);
        if (n == null) {
          throw new IllegalArgumentException("no such path: " + path);
        }
      }
    }
    return n;
  }

  private Node mkdirsNode(String path) {
    Node n = nodes.get(ROOT_ID);
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        n = n.children.computeIfAbsent(part,
            k -> register(dirAttr(nextId.getAndIncrement(), 0755)));
      }
    }
    return n;
  }

  private static String parentOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static String nameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static Attr dirAttr(long id, int perm) {
    return Attr.of(id, FileMode.S_IFDIR | perm, 0, Instant.ofEpochSecond(1_700_000_000), 0, 0);
  }

  private static Attr fileAttr(long id, int perm, long size) {
    return Attr.of(id, FileMode.S_IFREG | perm, size, Instant.now(), 0, 0);
  }

  private static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
