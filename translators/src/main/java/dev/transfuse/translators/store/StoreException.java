package dev.transfuse.translators.store;

import java.io.IOException;

/**
 * A store call that failed, with the {@link Kind} callers act on (the FUSE bridge maps each kind
 * to one errno) and the store's own reason in the message and cause.
 */
public class StoreException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a store call failed. */
  public enum Kind {
    /** Nothing at that path. */
    NOT_FOUND,
    /** The store refused the credentials or the operation. */
    ACCESS_DENIED,
    /** Something already exists where a new entry was to be created. */
    ALREADY_EXISTS,
    /** A directory to delete still has entries. */
    NOT_EMPTY,
    /** A path used as a directory is a file. */
    NOT_A_DIRECTORY,
    /** A path used as a file is a directory. */
    IS_A_DIRECTORY,
    /** The store is read-only or cannot do this operation. */
    UNSUPPORTED,
    /** The store did not answer in time, throttled, or could not be reached. */
    UNAVAILABLE,
    /** Any other failure of the store or the transport. */
    IO
  }

  private final Kind kind;

  public StoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
