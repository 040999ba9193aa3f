package dev.transfuse.mount.fs;

import dev.transfuse.cache.CachedStore;
import dev.transfuse.cache.ReadHandle;
import dev.transfuse.cache.WriteHandle;
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
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.StoreException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FUSE filesystem over a {@link CachedStore}: node ids to paths ({@link InodeTable}), open
 * files to cache handles ({@link OpenFiles}), and the kernel cache policy — every reply carries
 * the kernel TTL, lookups of missing names are cached as negative entries, directories take the
 * zero-message opendir so the kernel keeps their listings, files keep their page cache across
 * opens while the store's change token is unchanged, and a read-only open of a file wholly in the
 * disk cache is passed through to that file.
 *
 * <p>A file over ~300 lines: the methods are the protocol's operations, each short; splitting
 * them across classes would only scatter one mapping.
 */
public final class StoreFilesystem implements Filesystem {
  private static final Logger log = LoggerFactory.getLogger(StoreFilesystem.class);
  private static final int O_ACCMODE = 3;
  private static final int O_TRUNC = 01000;
  private static final int RENAME_NOREPLACE = 1;
  private static final long UNKNOWN_TOTAL_BYTES = 1L << 50; // 1 PiB, as rclone reports

  private final CachedStore cache;
  private final BridgeOptions options;
  private final InodeTable inodes = new InodeTable();
  private final OpenFiles files = new OpenFiles();
  private final AttrMapper attrs;
  private final long ttl;
  private final java.util.concurrent.atomic.LongAdder passthroughOpens =
      new java.util.concurrent.atomic.LongAdder();
  private volatile KernelControl kernel;
  private volatile KernelInvalidation invalidation;

  public StoreFilesystem(CachedStore cache, BridgeOptions options) {
    this.cache = cache;
    this.options = options;
    this.attrs = new AttrMapper(options);
    this.ttl = options.kernelTtl().toNanos();
  }

  @Override
  public void init(ConnectionInfo connection, KernelControl kernel) {
    this.kernel = kernel;
    this.invalidation = new KernelInvalidation(inodes, kernel);
    cache.addListener(invalidation);
  }

  @Override
  public void destroy() {
    KernelInvalidation inv = invalidation;
    if (inv != null) {
      cache.removeListener(inv);
      inv.close();
    }
  }

  /** Where changes learned outside a request are pushed to the kernel. */
  public KernelInvalidation invalidation() {
    return invalidation;
  }

  int nodesHeld() {
    return inodes.size();
  }

  int openFiles() {
    return files.size();
  }

  long passthroughOpens() {
    return passthroughOpens.sum();
  }

  /** Paths of every node the kernel holds: what revalidation re-checks. */
  public List<String> heldPaths() {
    return inodes.heldPaths();
  }

  // ---- names and attributes ---------------------------------------------------------------

  @Override
  public Entry lookup(Caller caller, long parent, String name) throws FuseException {
    Inode dir = node(parent);
    String path = child(dir, name);
    Optional<FileAttributes> a = stat(path);
    if (a.isEmpty()) {
      return Entry.negative(ttl); // cached by the kernel for the TTL too
    }
    Inode n = inodes.lookedUp(dir, name);
    return Entry.of(n.id, attr(path, a.get()), ttl);
  }

  @Override
  public void forget(long nodeId, long nlookup) {
    inodes.forget(nodeId, nlookup);
  }

  @Override
  public AttrReply getattr(Caller caller, long nodeId, long fh) throws FuseException {
    Inode n = node(nodeId);
    OpenFile open = fh > 0 ? files.get(fh) : null;
    if (open != null && open.writable()) {
      return new AttrReply(attr(n.path(), call(open.writer()::attributes)), ttl);
    }
    return new AttrReply(currentAttr(n), ttl);
  }

  @Override
  public AttrReply setattr(Caller caller, long nodeId, SetAttr change) throws FuseException {
    Inode n = node(nodeId);
    requireWritable();
    if (change.has(SetAttr.SIZE)) {
      OpenFile open = change.has(SetAttr.FH) ? files.get(change.fh()) : null;
      if (open != null && open.writable()) {
        call(() -> {
          open.writer().truncate(change.size());
          return null;
        });
      } else {
        String path = n.path();
        call(() -> {
          cache.truncate(path, change.size());
          return null;
        });
      }
      n.pageCacheToken = null;
    }
    // Modes, owners and times are the mount's, not the store's: accepted and not kept, as
    // rclone and s3fs do, so that cp -p and touch work.
    return getattr(caller, nodeId, change.has(SetAttr.FH) ? change.fh() : -1);
  }

  // ---- directories ------------------------------------------------------------------------

  @Override
  public void readdir(Caller caller, long nodeId, long fh, long offset, DirectoryFiller out)
      throws FuseException {
    Inode dir = node(nodeId);
    String path = dir.path();
    List<DirEntry> entries = list(path);
    long i = offset;
    if (i == 0 && !out.add(InodeTable.inodeNumber(path), ".", FileMode.S_IFDIR, ++i)) {
      return;
    }
    if (i == 1 && !out.add(1, "..", FileMode.S_IFDIR, ++i)) {
      return;
    }
    for (int k = (int) (i - 2); k < entries.size(); k++) {
      DirEntry e = entries.get(k);
      if (!out.add(InodeTable.inodeNumber(child(path, e.name())), e.name(),
          attrs.typeMode(e.attributes()), k + 3)) {
        return;
      }
    }
  }

  /** One cached listing answers the names and their attributes: ls -l costs no lookups. */
  @Override
  public void readdirplus(Caller caller, long nodeId, long fh, long offset,
      DirectoryPlusFiller out) throws FuseException {
    Inode dir = node(nodeId);
    String path = dir.path();
    List<DirEntry> entries = list(path);
    long i = offset;
    Attr self = dirAttr(path);
    if (i == 0 && !out.add(new Entry(0, 0, self, 0, 0), ".", ++i)) {
      return;
    }
    if (i == 1 && !out.add(new Entry(0, 0, self.withSize(0), 0, 0), "..", ++i)) {
      return;
    }
    for (int k = (int) (i - 2); k < entries.size(); k++) {
      DirEntry e = entries.get(k);
      String childPath = child(path, e.name());
      Inode n = inodes.lookedUp(dir, e.name());
      FileAttributes a = e.attributes().isDirectory()
          ? cache.stable(childPath, e.attributes()) : e.attributes();
      if (!out.add(Entry.of(n.id, attrs.toAttr(childPath, a), ttl), e.name(), k + 3)) {
        inodes.forget(n.id, 1); // not sent: the kernel holds no lookup for it
        return;
      }
    }
  }

  @Override
  public Entry mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FuseException {
    requireWritable();
    Inode dir = node(parent);
    String path = child(dir, name);
    call(() -> {
      cache.mkdir(path);
      return null;
    });
    FileAttributes a = stat(path).orElseThrow(() -> new FuseException(Errno.EIO,
        "directory " + path + " not visible after mkdir"));
    return Entry.of(inodes.lookedUp(dir, name).id, attr(path, a), ttl);
  }

  @Override
  public void rmdir(Caller caller, long parent, String name) throws FuseException {
    requireWritable();
    Inode dir = node(parent);
    String path = child(dir, name);
    FileAttributes a = stat(path).orElseThrow(FuseException::notFound);
    if (!a.isDirectory()) {
      throw new FuseException(Errno.ENOTDIR);
    }
    if (!list(path).isEmpty()) {
      throw new FuseException(Errno.ENOTEMPTY);
    }
    call(() -> {
      cache.delete(path);
      return null;
    });
    inodes.unlink(dir, name);
  }

  @Override
  public void unlink(Caller caller, long parent, String name) throws FuseException {
    requireWritable();
    Inode dir = node(parent);
    String path = child(dir, name);
    FileAttributes a = stat(path).orElseThrow(FuseException::notFound);
    if (a.isDirectory()) {
      throw new FuseException(Errno.EISDIR);
    }
    call(() -> {
      cache.delete(path);
      return null;
    });
    inodes.unlink(dir, name);
  }

  @Override
  public void rename(Caller caller, long parent, String name, long newParent, String newName,
      int flags) throws FuseException {
    requireWritable();
    if ((flags & ~RENAME_NOREPLACE) != 0) {
      throw new FuseException(Errno.EINVAL); // RENAME_EXCHANGE cannot be done on a store
    }
    Inode from = node(parent);
    Inode to = node(newParent);
    String src = child(from, name);
    String dst = child(to, newName);
    FileAttributes moving = stat(src).orElseThrow(FuseException::notFound);
    Optional<FileAttributes> target = stat(dst);
    if (target.isPresent()) {
      if ((flags & RENAME_NOREPLACE) != 0) {
        throw new FuseException(Errno.EEXIST);
      }
      if (target.get().isDirectory() && !moving.isDirectory()) {
        throw new FuseException(Errno.EISDIR);
      }
      if (target.get().isDirectory() && !list(dst).isEmpty()) {
        throw new FuseException(Errno.ENOTEMPTY);
      }
    }
    call(() -> {
      cache.rename(src, dst);
      return null;
    });
    inodes.rename(from, name, to, newName);
  }

  // ---- files ------------------------------------------------------------------------------

  @Override
  public Opened open(Caller caller, long nodeId, int flags) throws FuseException {
    Inode n = node(nodeId);
    String path = n.path();
    boolean write = (flags & O_ACCMODE) != 0 || (flags & O_TRUNC) != 0;
    if (write) {
      requireWritable();
      WriteHandle w = call(() -> cache.openWrite(path, (flags & O_TRUNC) != 0));
      n.pageCacheToken = null;
      return Opened.of(files.add(new OpenFile(n, null, w, 0)), 0);
    }
    FileAttributes a = stat(path).orElseThrow(FuseException::notFound);
    Opened passthrough = tryPassthrough(n, path, a);
    if (passthrough != null) {
      return passthrough;
    }
    ReadHandle r = call(() -> cache.openRead(path));
    String token = a.changeToken();
    boolean keep = !token.isEmpty() && token.equals(n.pageCacheToken);
    n.pageCacheToken = token.isEmpty() ? null : token;
    return Opened.of(files.add(new OpenFile(n, r, null, 0)), keep ? OpenFlags.KEEP_CACHE : 0);
  }

  /** A file wholly in the disk cache is read by the kernel from that file, not through us. */
  private Opened tryPassthrough(Inode n, String path, FileAttributes a) {
    KernelControl k = kernel;
    if (k == null || !k.passthroughAvailable()) {
      return null;
    }
    Optional<java.nio.file.Path> local = cache.cachedFile(path, a);
    if (local.isEmpty()) {
      return null;
    }
    synchronized (n) {
      try {
        if (n.backingUsers == 0) {
          n.backingId = k.openBacking(local.get(), false);
        }
        n.backingUsers++;
        passthroughOpens.increment();
        return Opened.passthrough(files.add(new OpenFile(n, null, null, n.backingId)),
            n.backingId);
      } catch (java.io.IOException e) {
        log.debug("{}: no passthrough ({}); reading through the daemon", path, e.getMessage());
        return null;
      }
    }
  }

  @Override
  public Created create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FuseException {
    requireWritable();
    Inode dir = node(parent);
    String path = child(dir, name);
    WriteHandle w = call(() -> cache.openWrite(path, true));
    Inode n = inodes.lookedUp(dir, name);
    n.pageCacheToken = null;
    long fh = files.add(new OpenFile(n, null, w, 0));
    return new Created(Entry.of(n.id, attr(path, call(w::attributes)), ttl), Opened.of(fh, 0));
  }

  @Override
  public void read(Caller caller, long nodeId, long fh, long offset, ByteBuffer dst)
      throws FuseException {
    OpenFile f = open(fh);
    if (f.writer() != null) {
      call(() -> f.writer().read(offset, dst));
    } else if (f.reader() != null) {
      call(() -> f.reader().read(offset, dst));
    } else {
      throw new FuseException(Errno.EIO, "read of a passthrough file reached the daemon");
    }
  }

  @Override
  public int write(Caller caller, long nodeId, long fh, long offset, ByteBuffer data,
      int writeFlags) throws FuseException {
    OpenFile f = open(fh);
    if (!f.writable()) {
      throw new FuseException(Errno.EBADF);
    }
    return call(() -> f.writer().write(offset, data));
  }

  /** close(2): the staged data is uploaded, and an upload failure is the caller's error. */
  @Override
  public void flush(Caller caller, long nodeId, long fh) throws FuseException {
    OpenFile f = files.get(fh);
    if (f != null && f.writable()) {
      call(f.writer()::flush);
    }
  }

  @Override
  public void fsync(Caller caller, long nodeId, long fh, boolean dataOnly) throws FuseException {
    flush(caller, nodeId, fh);
  }

  @Override
  public void release(Caller caller, long nodeId, long fh, int flags) {
    OpenFile f = files.remove(fh);
    if (f == null) {
      return;
    }
    try {
      if (f.writer() != null) {
        f.writer().close(); // a failed upload stays staged and is retried by the cache
      } else if (f.reader() != null) {
        f.reader().close();
      } else {
        releaseBacking(f.node());
      }
    } catch (StoreException e) {
      log.warn("{}: {}; the staged copy is kept and retried", f.node().path(), e.getMessage());
    }
  }

  private void releaseBacking(Inode n) {
    synchronized (n) {
      if (--n.backingUsers == 0) {
        try {
          kernel.closeBacking(n.backingId);
        } catch (java.io.IOException e) {
          log.debug("closing backing id {}: {}", n.backingId, e.getMessage());
        }
        n.backingId = 0;
      }
    }
  }

  @Override
  public StatFs statfs(Caller caller, long nodeId) throws FuseException {
    Optional<SpaceInfo> space = call(cache::space);
    long total = space.map(SpaceInfo::totalBytes).orElse(UNKNOWN_TOTAL_BYTES) / 4096;
    long free = space.map(SpaceInfo::freeBytes).orElse(UNKNOWN_TOTAL_BYTES) / 4096;
    return new StatFs(total, free, options.readOnly() ? 0 : free, 1L << 30, 1L << 30, 4096, 255);
  }

  // ---- helpers ----------------------------------------------------------------------------

  private Inode node(long id) throws FuseException {
    return inodes.get(id).orElseThrow(() -> new FuseException(Errno.ENOENT,
        "node " + id + " is not known (forgotten)"));
  }

  private OpenFile open(long fh) throws FuseException {
    OpenFile f = files.get(fh);
    if (f == null) {
      throw new FuseException(Errno.EBADF);
    }
    return f;
  }

  private Attr currentAttr(Inode n) throws FuseException {
    String path = n.path();
    if (n.id == ROOT_ID) {
      return dirAttr(path);
    }
    if (n.unlinked) {
      throw new FuseException(Errno.ENOENT);
    }
    return attr(path, stat(path).orElseThrow(FuseException::notFound));
  }

  private Attr dirAttr(String path) throws FuseException {
    Optional<FileAttributes> a = path.equals("/") ? statRoot() : stat(path);
    return a.map(x -> attr(path, x)).orElseGet(attrs::rootAttr);
  }

  private Optional<FileAttributes> statRoot() {
    try {
      return cache.stat("/");
    } catch (StoreException e) {
      return Optional.empty(); // the root always exists, whatever the store says of it
    }
  }

  private Attr attr(String path, FileAttributes a) {
    return attrs.toAttr(path, a.isDirectory() ? cache.stable(path, a) : a);
  }

  private Optional<FileAttributes> stat(String path) throws FuseException {
    return call(() -> cache.stat(path));
  }

  private List<DirEntry> list(String path) throws FuseException {
    return call(() -> cache.list(path));
  }

  private void requireWritable() throws FuseException {
    if (options.readOnly() || cache.capabilities().readOnly()) {
      throw new FuseException(Errno.EROFS);
    }
  }

  private static String child(Inode dir, String name) {
    return child(dir.path(), name);
  }

  private static String child(String dirPath, String name) {
    return dirPath.equals("/") ? "/" + name : dirPath + "/" + name;
  }

  /** A store call whose failure becomes the caller's errno, logged with the path once here. */
  private static <T> T call(StoreCall<T> c) throws FuseException {
    try {
      return c.run();
    } catch (StoreException e) {
      if (e.kind() == StoreException.Kind.NOT_FOUND) {
        log.debug("{}", e.getMessage());
      } else {
        log.warn("{} ({})", e.getMessage(), e.kind());
      }
      throw StoreErrors.toFuse(e);
    }
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T run() throws StoreException;
  }
}
