package dev.transfuse.translators.file;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** java.nio failures as {@link StoreException} kinds, in one place. */
final class LocalErrors {
  private LocalErrors() {}

  static StoreException map(IOException e, String what) {
    if (e instanceof StoreException) {
      return (StoreException) e;
    }
    return new StoreException(kindOf(e), what + ": " + e.getMessage(), e);
  }

  private static Kind kindOf(IOException e) {
    if (e instanceof NoSuchFileException) {
      return Kind.NOT_FOUND;
    }
    if (e instanceof AccessDeniedException) {
      return Kind.ACCESS_DENIED;
    }
    if (e instanceof FileAlreadyExistsException) {
      return Kind.ALREADY_EXISTS;
    }
    if (e instanceof DirectoryNotEmptyException) {
      return Kind.NOT_EMPTY;
    }
    if (e instanceof NotDirectoryException) {
      return Kind.NOT_A_DIRECTORY;
    }
    String reason = e instanceof FileSystemException ? ((FileSystemException) e).getReason() : null;
    if (reason != null && reason.contains("Is a directory")) {
      return Kind.IS_A_DIRECTORY;
    }
    if (reason != null && reason.contains("Not a directory")) {
      return Kind.NOT_A_DIRECTORY;
    }
    if (reason != null && reason.contains("Read-only file system")) {
      return Kind.UNSUPPORTED;
    }
    return Kind.IO;
  }
}
