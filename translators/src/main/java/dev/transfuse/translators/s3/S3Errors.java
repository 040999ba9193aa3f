package dev.transfuse.translators.s3;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one place where AWS SDK failures become {@link StoreException} kinds. Only an HTTP 404 (or
 * the NoSuchKey/NoSuchBucket codes) means "not found": a timeout or a 500 is never read as absent.
 */
final class S3Errors {
  private S3Errors() {}

  static StoreException map(SdkException e, String what) {
    Kind kind = kindOf(e);
    String reason = e instanceof S3Exception && ((S3Exception) e).awsErrorDetails() != null
        ? ((S3Exception) e).awsErrorDetails().errorCode() + ": " + e.getMessage()
        : e.getMessage();
    return new StoreException(kind, what + ": " + reason, e);
  }

  static Kind kindOf(SdkException e) {
    if (e instanceof S3Exception) {
      S3Exception s3 = (S3Exception) e;
      String code = s3.awsErrorDetails() == null ? "" : s3.awsErrorDetails().errorCode();
      int status = s3.statusCode();
      if (status == 404 || "NoSuchKey".equals(code) || "NoSuchBucket".equals(code)) {
        return Kind.NOT_FOUND;
      }
      if (status == 401 || status == 403) {
        return Kind.ACCESS_DENIED;
      }
      if (status == 429 || status == 503 || "SlowDown".equals(code)) {
        return Kind.UNAVAILABLE;
      }
      if (status == 501 || "NotImplemented".equals(code)) {
        return Kind.UNSUPPORTED;
      }
      return Kind.IO;
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return Kind.UNAVAILABLE;
    }
    if (e instanceof SdkClientException && isUnreachable(e.getCause())) {
      return Kind.UNAVAILABLE;
    }
    return Kind.IO;
  }

  private static boolean isUnreachable(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof SocketTimeoutException
          || t instanceof UnknownHostException
          || t instanceof InterruptedIOException) {
        return true;
      }
      if (t instanceof IOException && t.getMessage() != null
          && t.getMessage().contains("refused")) {
        return true;
      }
    }
    return false;
  }
}
