package dev.transfuse.fuse.api;

import dev.transfuse.fuse.kernel.Errno;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A filesystem served over FUSE, addressed by node ids (the root is {@link #ROOT_ID}). Methods
 * are named after the requests; each answers with a value or throws {@link FuseException} with
 * the errno the caller should see. Unimplemented methods answer ENOSYS, which for some requests
 * is permanent and useful (see {@link #opendir}, {@link #access}, {@link #getxattr}).
 *
 * <p><b>Threading.</b> Methods are called concurrently from a pool of worker threads, several at
 * once for the same node: implementations must be thread-safe. A method may block (remote I/O),
 * which holds up only its worker. Buffers handed in are reused after the method returns.
 *
 * <p><b>Caching.</b> Every reply carries how long the kernel may serve it without asking: entry
 * and attribute timeouts in {@link Entry} and {@link AttrReply}, KEEP_CACHE and CACHE_DIR in
 * {@link Opened}. Long timeouts with explicit invalidation ({@link KernelControl}) make hot
 * paths free of requests.
 */
public interface Filesystem {
  long ROOT_ID = 1;

  /** Called once INIT is agreed, before any other request. */
  default void init(ConnectionInfo connection, KernelControl kernel) {}

  /** The kernel is done with the filesystem (unmounted). */
  default void destroy() {}

  default Entry lookup(Caller caller, long parent, String name) throws FuseException {
    throw FuseException.notImplemented();
  }

  /**
   * The kernel drops {@code nlookup} references to {@code nodeId}. No reply is sent, so this must
   * not fail, and it should do no I/O.
   */
  default void forget(long nodeId, long nlookup) {}

  /** @param fh the open file's handle, or -1 when the request is not about an open file */
  default AttrReply getattr(Caller caller, long nodeId, long fh) throws FuseException {
    throw FuseException.notImplemented();
  }

  default AttrReply setattr(Caller caller, long nodeId, SetAttr change) throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  default Entry mkdir(Caller caller, long parent, String name, int mode, int umask)
      throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  default void unlink(Caller caller, long parent, String name) throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  default void rmdir(Caller caller, long parent, String name) throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  /** @param flags RENAME_NOREPLACE (1), RENAME_EXCHANGE (2), or 0 */
  default void rename(Caller caller, long parent, String name, long newParent, String newName,
      int flags) throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  /** Opens a file; the default succeeds with handle 0 and no cache flags. */
  default Opened open(Caller caller, long nodeId, int flags) throws FuseException {
    return Opened.of(0, 0);
  }

  default Created create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  /**
   * Reads up to {@code dst.remaining()} bytes at {@code offset} into {@code dst} (relative puts).
   * Fewer bytes than asked mean end of file, unless the file was opened with DIRECT_IO.
   */
  default void read(Caller caller, long nodeId, long fh, long offset, ByteBuffer dst)
      throws FuseException {
    throw FuseException.notImplemented();
  }

  /** Writes {@code data} (valid only during the call) at {@code offset}; returns bytes taken. */
  default int write(Caller caller, long nodeId, long fh, long offset, ByteBuffer data,
      int writeFlags) throws FuseException {
    throw new FuseException(Errno.EROFS);
  }

  /** Called on each close(2) of a file descriptor (several per open with dup). */
  default void flush(Caller caller, long nodeId, long fh) throws FuseException {}

  default void fsync(Caller caller, long nodeId, long fh, boolean dataOnly)
      throws FuseException {}

  /** The last reference to an open file is gone. Errors are not seen by anybody. */
  default void release(Caller caller, long nodeId, long fh, int flags) {}

  /**
   * Opens a directory. The default answers ENOSYS, which (where the kernel offers
   * FUSE_NO_OPENDIR_SUPPORT) makes every later opendir local to the kernel, with the readdir
   * results kept in its cache until the directory is invalidated: the zero-message path.
   */
  default Opened opendir(Caller caller, long nodeId, int flags) throws FuseException {
    throw FuseException.notImplemented();
  }

  /** Lists entries from {@code offset} (0, or a {@code nextOffset} handed out before). */
  default void readdir(Caller caller, long nodeId, long fh, long offset, DirectoryFiller out)
      throws FuseException {
    throw FuseException.notImplemented();
  }

  /**
   * Lists entries with their lookup answers from {@code offset}. The default lists through
   * {@link #readdir} with node id 0 (names only), which is always correct but makes the kernel
   * look each name up.
   */
  default void readdirplus(Caller caller, long nodeId, long fh, long offset,
      DirectoryPlusFiller out) throws FuseException {
    readdir(caller, nodeId, fh, offset, (ino, name, mode, next) -> out.add(
        new Entry(0, 0, new Attr(ino, mode, 0, 0, 0, 0, 0, 0, 0), 0, 0), name, next));
  }

  default void releasedir(Caller caller, long nodeId, long fh) {}

  default void fsyncdir(Caller caller, long nodeId, long fh, boolean dataOnly)
      throws FuseException {}

  default StatFs statfs(Caller caller, long nodeId) throws FuseException {
    return StatFs.UNKNOWN;
  }

  /**
   * Permission check for access(2). The default ENOSYS makes the kernel stop asking and decide
   * from the modes (with default_permissions) or allow.
   */
  default void access(Caller caller, long nodeId, int mask) throws FuseException {
    throw FuseException.notImplemented();
  }

  /**
   * The value of extended attribute {@code name}. The default ENOSYS makes the kernel answer
   * EOPNOTSUPP itself from then on, sparing a request per getxattr (ls -l asks for ACLs).
   */
  default byte[] getxattr(Caller caller, long nodeId, String name) throws FuseException {
    throw FuseException.notImplemented();
  }

  default List<String> listxattr(Caller caller, long nodeId) throws FuseException {
    throw FuseException.notImplemented();
  }

  /** SEEK_DATA / SEEK_HOLE; the default ENOSYS lets the kernel treat the file as all data. */
  default long lseek(Caller caller, long nodeId, long fh, long offset, int whence)
      throws FuseException {
    throw FuseException.notImplemented();
  }
}
