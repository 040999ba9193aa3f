package dev.transfuse.mount.fs;

import dev.transfuse.fuse.api.FuseException;
import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.translators.store.StoreException;

/** The one place store failures become errnos; adding a Kind without a case fails to compile. */
final class StoreErrors {
  private StoreErrors() {}

  static int errno(StoreException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> Errno.ENOENT;
      case ACCESS_DENIED -> Errno.EACCES;
      case ALREADY_EXISTS -> Errno.EEXIST;
      case NOT_EMPTY -> Errno.ENOTEMPTY;
      case NOT_A_DIRECTORY -> Errno.ENOTDIR;
      case IS_A_DIRECTORY -> Errno.EISDIR;
      // Read-only stores answer EROFS; an operation a writable store lacks, EOPNOTSUPP.
      case UNSUPPORTED -> Errno.EOPNOTSUPP;
      // A store that does not answer is an I/O error for the caller, never "absent".
      case UNAVAILABLE, IO -> Errno.EIO;
    };
  }

  static FuseException toFuse(StoreException e) {
    return new FuseException(errno(e.kind()), e.getMessage(), e);
  }
}
