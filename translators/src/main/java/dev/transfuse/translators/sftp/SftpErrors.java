package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * SFTP status codes as {@link StoreException} kinds, in one place. Protocol v3 (what OpenSSH
 * speaks) reports EEXIST, ENOTEMPTY and ENOTDIR all as SSH_FX_FAILURE, so callers that need the
 * precise kind look at the tree after a FAILURE ({@link SftpStore} does for mkdir, delete, list);
 * FAILURE itself is never read as "not found".
 */
final class SftpErrors {
  private SftpErrors() {}

  static boolean isNotFound(IOException e) {
    return e instanceof SftpException
        && (status(e) == SftpConstants.SSH_FX_NO_SUCH_FILE
            || status(e) == SftpConstants.SSH_FX_NO_SUCH_PATH);
  }

  static boolean isFailure(IOException e) {
    return e instanceof SftpException && status(e) == SftpConstants.SSH_FX_FAILURE;
  }

  private static int status(IOException e) {
    return ((SftpException) e).getStatus();
  }

  static StoreException map(IOException e, String what) {
    if (e instanceof StoreException) {
      return (StoreException) e;
    }
    return new StoreException(kindOf(e), what + ": " + e.getMessage(), e);
  }

  static Kind kindOf(IOException e) {
    if (e instanceof SftpException) {
      switch (status(e)) {
        case SftpConstants.SSH_FX_NO_SUCH_FILE:
        case SftpConstants.SSH_FX_NO_SUCH_PATH:
          return Kind.NOT_FOUND;
        case SftpConstants.SSH_FX_PERMISSION_DENIED:
        case SftpConstants.SSH_FX_WRITE_PROTECT:
          return Kind.ACCESS_DENIED;
        case SftpConstants.SSH_FX_FILE_ALREADY_EXISTS:
          return Kind.ALREADY_EXISTS;
        case SftpConstants.SSH_FX_DIR_NOT_EMPTY:
          return Kind.NOT_EMPTY;
        case SftpConstants.SSH_FX_NOT_A_DIRECTORY:
          return Kind.NOT_A_DIRECTORY;
        case SftpConstants.SSH_FX_FILE_IS_A_DIRECTORY:
          return Kind.IS_A_DIRECTORY;
        case SftpConstants.SSH_FX_OP_UNSUPPORTED:
          return Kind.UNSUPPORTED;
        case SftpConstants.SSH_FX_NO_CONNECTION:
        case SftpConstants.SSH_FX_CONNECTION_LOST:
          return Kind.UNAVAILABLE;
        default:
          return Kind.IO;
      }
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return Kind.UNAVAILABLE;
    }
    if (e instanceof SshException && String.valueOf(e.getMessage()).contains("timeout")) {
      return Kind.UNAVAILABLE;
    }
    return Kind.IO;
  }
}
