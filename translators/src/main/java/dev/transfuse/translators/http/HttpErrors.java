package dev.transfuse.translators.http;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/** HTTP status codes and transport failures as {@link StoreException} kinds, in one place. */
final class HttpErrors {
  private HttpErrors() {}

  static Kind kindOf(int status) {
    if (status == 404 || status == 410) {
      return Kind.NOT_FOUND;
    }
    if (status == 401 || status == 403 || status == 407) {
      return Kind.ACCESS_DENIED;
    }
    if (status == 405 || status == 501) {
      return Kind.UNSUPPORTED;
    }
    if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
      return Kind.UNAVAILABLE;
    }
    return Kind.IO;
  }

  static StoreException status(int status, String reason, String what) {
    return new StoreException(kindOf(status), what + ": HTTP " + status
        + (reason == null || reason.isEmpty() ? "" : " " + reason));
  }

  static StoreException transport(IOException e, String what) {
    if (e instanceof StoreException) {
      return (StoreException) e;
    }
    Kind kind = e instanceof ConnectException || e instanceof HttpHostConnectException
        || e instanceof ConnectTimeoutException || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException || e instanceof InterruptedIOException
        ? Kind.UNAVAILABLE : Kind.IO;
    return new StoreException(kind, what + ": " + e, e);
  }
}
