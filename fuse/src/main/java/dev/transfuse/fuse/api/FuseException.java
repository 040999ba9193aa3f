package dev.transfuse.fuse.api;

import dev.transfuse.fuse.kernel.Errno;

/**
 * A filesystem method's failure as the errno the caller will see. Any other exception escaping a
 * filesystem method is answered with EIO and logged.
 */
public class FuseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int errno;

  public FuseException(int errno) {
    this(errno, null, null);
  }

  public FuseException(int errno, String message) {
    this(errno, message, null);
  }

  public FuseException(int errno, String message, Throwable cause) {
    super(message, cause, false, cause != null); // no stack trace for plain errno answers
    if (errno <= 0) {
      throw new IllegalArgumentException("errno must be positive, was " + errno);
    }
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }

  public static FuseException notFound() {
    return new FuseException(Errno.ENOENT);
  }

  public static FuseException notImplemented() {
    return new FuseException(Errno.ENOSYS);
  }
}
