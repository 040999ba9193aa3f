package dev.transfuse.translators.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP(S) directory to read.
 *
 * @param base the directory URL, ending with "/"
 * @param connectTimeout TCP (and TLS) connect limit
 * @param readTimeout limit for any single socket read, headers and body alike
 * @param headConcurrency HEAD requests in flight while filling in rows an index page lacks
 */
public record HttpSettings(URI base, Duration connectTimeout, Duration readTimeout,
    int headConcurrency) {

  public HttpSettings {
    Objects.requireNonNull(base, "base");
    if (!base.getRawPath().endsWith("/")) {
      throw new IllegalArgumentException("base URL must end with '/': " + base);
    }
    if (base.getRawUserInfo() != null) {
      throw new IllegalArgumentException("http source must not carry credentials in the URI");
    }
  }

  /** The URL of a file: each path segment percent-encoded. */
  URI file(String storePath) {
    return base.resolve(encode(storePath.substring(1)));
  }

  /** The URL of a directory, with its trailing slash. */
  URI dir(String storePath) {
    return "/".equals(storePath) ? base : base.resolve(encode(storePath.substring(1)) + "/");
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters in each segment, so "100%",
   * "a+b", spaces and unicode names reach the server as the names they are.
   */
  static String encode(String relative) {
    StringBuilder sb = new StringBuilder();
    for (byte b : relative.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return sb.toString();
  }
}
