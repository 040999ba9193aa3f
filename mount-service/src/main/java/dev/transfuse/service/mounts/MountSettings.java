package dev.transfuse.service.mounts;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.mount.fs.BridgeOptions;
import dev.transfuse.service.web.ApiException;
import dev.transfuse.service.web.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A mount's options split by who takes them: the store (endpoint, region, timeouts...), the cache
 * (TTLs, sizes, read-ahead), and the FUSE bridge (owner, modes, kernel TTL), each parsed and
 * checked here so that a bad value is a 400 naming the option before anything is mounted.
 */
record MountSettings(
    Map<String, String> storeOptions, CacheOptions cache, BridgeOptions bridge,
    boolean allowOther) {

  static final Set<String> MOUNT_OPTIONS = Set.of("metadataTtl", "kernelTtl", "pollInterval",
      "cacheDir", "cacheMaxBytes", "blockSize", "readAhead", "uid", "gid", "fileMode",
      "dirMode", "allowOther", "readOnly");

  static MountSettings parse(MountDefinition d, Path defaultCacheDir, int uid, int gid) {
    Map<String, String> store = new HashMap<>();
    Map<String, String> mount = new HashMap<>();
    d.options().forEach((k, v) -> {
      // Anything not a mount option goes to the store, whose factory refuses names it does not
      // know for its scheme (a typo fails the create call, it is not ignored).
      (MOUNT_OPTIONS.contains(k) ? mount : store).put(k, v);
    });
    Path cacheDir = mount.containsKey("cacheDir")
        ? Path.of(mount.get("cacheDir")).toAbsolutePath().normalize() : defaultCacheDir;
    CacheOptions.Builder cb = CacheOptions.builder(cacheDir);
    try {
      if (mount.containsKey("metadataTtl")) {
        Duration ttl = duration(mount, "metadataTtl");
        cb.metadataTtl(ttl).metadataMaxAge(ttl.multipliedBy(10));
      }
      if (mount.containsKey("pollInterval")) {
        cb.pollInterval(duration(mount, "pollInterval"));
      }
      if (mount.containsKey("cacheMaxBytes")) {
        cb.cacheMaxBytes(bytes(mount, "cacheMaxBytes"));
      }
      if (mount.containsKey("blockSize")) {
        cb.blockSize(Math.toIntExact(bytes(mount, "blockSize")));
      }
      if (mount.containsKey("readAhead")) {
        cb.readAhead(bytes(mount, "readAhead"));
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ApiException(Problem.INVALID_OPTION, e.getMessage(), Map.of("field", "options"),
          e);
    }
    CacheOptions cache;
    try {
      cache = cb.build();
    } catch (IllegalArgumentException e) {
      throw new ApiException(Problem.INVALID_OPTION, e.getMessage(), Map.of("field", "options"),
          e);
    }
    BridgeOptions base = BridgeOptions.defaults(uid, gid);
    BridgeOptions bridge;
    try {
      bridge = new BridgeOptions(
          integer(mount, "uid", uid), integer(mount, "gid", gid),
          mode(mount, "fileMode", base.fileMode()), mode(mount, "dirMode", base.dirMode()),
          d.readOnly(),
          mount.containsKey("kernelTtl") ? duration(mount, "kernelTtl") : base.kernelTtl());
    } catch (IllegalArgumentException e) {
      throw new ApiException(Problem.INVALID_OPTION, e.getMessage(), Map.of("field", "options"),
          e);
    }
    return new MountSettings(store, cache, bridge, bool(mount, "allowOther"));
  }

  /** "30s", "5m", "2h", "500ms", a number of seconds, or ISO-8601 ("PT30S"). */
  static Duration duration(Map<String, String> m, String key) {
    String v = m.get(key).trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      }
      char unit = v.charAt(v.length() - 1);
      String num = Character.isDigit(unit) ? v : v.substring(0, v.length() - 1);
      long n = Long.parseLong(num);
      return switch (unit) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> {
          if (!Character.isDigit(unit)) {
            throw new NumberFormatException();
          }
          yield Duration.ofSeconds(n);
        }
      };
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw invalid(key, key + " must be a duration such as 30s, 5m, 1h or 500ms, was '"
          + m.get(key) + "'");
    }
  }

  /** Bytes: a number with an optional K, M, G, T suffix (powers of 1024, "KiB" also taken). */
  static long bytes(Map<String, String> m, String key) {
    String v = m.get(key).trim().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
    try {
      long mult = 1;
      char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
      switch (unit) {
        case 'K' -> mult = 1L << 10;
        case 'M' -> mult = 1L << 20;
        case 'G' -> mult = 1L << 30;
        case 'T' -> mult = 1L << 40;
        default -> { }
      }
      String num = mult == 1 ? v : v.substring(0, v.length() - 1);
      long n = Long.parseLong(num.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return Math.multiplyExact(n, mult);
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(key, key + " must be a size such as 1048576, 512M or 10GiB, was '"
          + m.get(key) + "'");
    }
  }

  private static int integer(Map<String, String> m, String key, int dflt) {
    if (!m.containsKey(key)) {
      return dflt;
    }
    try {
      return Integer.parseInt(m.get(key).trim());
    } catch (NumberFormatException e) {
      throw invalid(key, key + " must be a number, was '" + m.get(key) + "'");
    }
  }

  private static int mode(Map<String, String> m, String key, int dflt) {
    if (!m.containsKey(key)) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(m.get(key).trim(), 8);
      if (v < 0 || v > 07777) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(key, key + " must be octal permission bits such as 0644, was '"
          + m.get(key) + "'");
    }
  }

  private static boolean bool(Map<String, String> m, String key) {
    String v = m.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw invalid(key, key + " must be true or false, was '" + m.get(key) + "'");
    }
    return v.equals("true");
  }

  private static ApiException invalid(String key, String detail) {
    return new ApiException(Problem.INVALID_OPTION, detail, Map.of("field", "options." + key),
        null);
  }
}
