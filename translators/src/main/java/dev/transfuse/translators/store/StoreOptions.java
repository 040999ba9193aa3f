package dev.transfuse.translators.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The option and credential names that the factory, the mount service and the UI share, and typed
 * access to one mount's option map. Values are text so they can come from a REST body or a {@code
 * -o k=v} flag; a bad value is an {@link IllegalArgumentException} naming the option, never a
 * silent default.
 */
public final class StoreOptions {
  // S3 options.
  /** Custom S3 endpoint URL (S3Proxy, MinIO); AWS when absent. */
  public static final String ENDPOINT = "endpoint";
  /** S3 signing region; {@code us-east-1} when absent. */
  public static final String REGION = "region";
  /** {@code true} puts the bucket in the path (default {@code true} with an endpoint). */
  public static final String PATH_STYLE = "pathStyle";
  /** Uploads of at least this size use multipart (bytes, or with KiB/MiB/GiB; default 16MiB). */
  public static final String MULTIPART_THRESHOLD = "multipartThreshold";
  /** Multipart part size (default 8MiB, S3 minimum 5MiB). */
  public static final String PART_SIZE = "partSize";
  // SFTP options.
  /** {@code strict} (default: unknown or changed host key refused) or {@code accept-new}. */
  public static final String HOST_KEY_POLICY = "hostKeyPolicy";
  /** known_hosts file to check host keys against (default {@code ~/.ssh/known_hosts}). */
  public static final String KNOWN_HOSTS_FILE = "knownHostsFile";
  /** SFTP channels opened on the one SSH session, for parallel requests (default 4). */
  public static final String CHANNELS = "channels";
  // Every store.
  /** TCP connect timeout, e.g. {@code 10s}, {@code 500ms}, {@code PT10S} (default 10s). */
  public static final String CONNECT_TIMEOUT = "connectTimeout";
  /** Longest wait for any single response or read (default 30s). */
  public static final String READ_TIMEOUT = "readTimeout";

  // Credentials (a separate map, never logged, never in toString or messages).
  public static final String ACCESS_KEY = "accessKey";
  public static final String SECRET_KEY = "secretKey";
  public static final String PROFILE = "profile";
  public static final String PASSWORD = "password";
  /** The private key's text (OpenSSH or PEM), not a file name. */
  public static final String PRIVATE_KEY = "privateKey";
  public static final String PASSPHRASE = "passphrase";

  private final Map<String, String> values;

  private StoreOptions(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * Wraps {@code values}, refusing names that {@code scheme} does not know, so a typo ("pathstyle")
   * fails at mount time instead of being ignored.
   */
  public static StoreOptions of(String scheme, Map<String, String> values, Set<String> known) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown option(s) for " + scheme + ": " + unknown + "; known: " + new TreeSet<>(known));
    }
    return new StoreOptions(values);
  }

  /** The names every scheme accepts, plus {@code extra}. */
  public static Set<String> common(String... extra) {
    Set<String> names = new HashSet<>(Set.of(CONNECT_TIMEOUT, READ_TIMEOUT));
    names.addAll(Set.of(extra));
    return names;
  }

  public String text(String name, String fallback) {
    String v = values.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  public boolean bool(String name, boolean fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return true;
      case "false":
      case "no":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException(name + " must be true or false, was '" + v + "'");
    }
  }

  public int integer(String name, int fallback, int min, int max) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "], was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, was '" + v + "'", e);
    }
  }

  /** A duration: {@code 250ms}, {@code 10s}, {@code 2m}, or ISO-8601 ({@code PT10S}). */
  public Duration duration(String name, Duration fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      Duration d;
      String lower = v.toLowerCase(Locale.ROOT);
      if (lower.startsWith("pt")) {
        d = Duration.parse(v);
      } else if (lower.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
      } else if (lower.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
      } else if (lower.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(lower));
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was '" + v + "'");
      }
      return d;
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage().startsWith(name)) {
        throw e;
      }
      throw new IllegalArgumentException(
          name + " must be a duration like 10s, 500ms or PT10S, was '" + v + "'", e);
    }
  }

  /** A byte count: {@code 1048576}, {@code 64KiB}, {@code 8MiB}, {@code 1GiB}. */
  public long bytes(String name, long fallback) {
    String v = text(name, null);
    if (v == null) {
      return fallback;
    }
    String lower = v.toLowerCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    for (String[] suffix : new String[][] {{"kib", "1024"}, {"mib", "1048576"},
        {"gib", "1073741824"}, {"k", "1024"}, {"m", "1048576"}, {"g", "1073741824"}}) {
      if (lower.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        lower = lower.substring(0, lower.length() - suffix[0].length());
        break;
      }
    }
    try {
      long n = Math.multiplyExact(Long.parseLong(lower), unit);
      if (n <= 0) {
        throw new NumberFormatException("not positive");
      }
      return n;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          name + " must be a positive size like 8MiB, was '" + v + "'", e);
    }
  }

  /** Names only: values may be paths or endpoints, but this stays safe to log. */
  @Override
  public String toString() {
    return "StoreOptions" + new TreeSet<>(values.keySet());
  }
}
