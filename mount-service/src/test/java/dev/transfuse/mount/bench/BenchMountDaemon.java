package dev.transfuse.mount.bench;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.mount.fs.BridgeOptions;
import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The transfuse contender of bench/mount-bench.sh: S3 mounts with default cache options except
 * that kernel and metadata TTLs are TTL_SECONDS (long enough that the warm phases are not timed
 * across an expiry).
 *
 * <p>With a CACHE_DIR it mounts once, prints {@code READY}, serves until stdin closes, then
 * unmounts: a fresh JVM per mount. With {@code -} instead it is a long-running daemon, as the
 * service is: each stdin line {@code mount DIR} mounts anew with an empty cache in DIR and prints
 * {@code MOUNTED}, {@code unmount} unmounts and prints {@code UNMOUNTED}; stdin closing ends it.
 *
 * <pre>BenchMountDaemon ENDPOINT BUCKET CACHE_DIR|- MOUNTPOINT TTL_SECONDS</pre>
 */
public final class BenchMountDaemon {
  private BenchMountDaemon() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: BenchMountDaemon ENDPOINT BUCKET CACHE_DIR|- MOUNTPOINT TTL_SECONDS");
      System.exit(2);
    }
    Duration ttl = Duration.ofSeconds(Long.parseLong(args[4]));
    Path mountpoint = Path.of(args[3]);
    if (!args[2].equals("-")) {
      try (StoreMount mount = mount(args[0], args[1], Path.of(args[2]), mountpoint, ttl)) {
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
          // serve until the driver closes our stdin
        }
      }
      return;
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StoreMount mount = null;
    try {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("mount ") && mount == null) {
          mount = mount(args[0], args[1], Path.of(line.substring(6)), mountpoint, ttl);
          System.out.println("MOUNTED");
        } else if (line.equals("unmount") && mount != null) {
          mount.close();
          mount = null;
          System.out.println("UNMOUNTED");
        } else {
          System.out.println("? " + line);
        }
        System.out.flush();
      }
    } finally {
      if (mount != null) {
        mount.close();
      }
    }
  }

  private static StoreMount mount(
      String endpoint, String bucket, Path cacheDir, Path mountpoint, Duration ttl)
      throws IOException {
    var store = Stores.open(URI.create("s3://" + bucket),
        Map.of(StoreOptions.ENDPOINT, endpoint, StoreOptions.PATH_STYLE, "true"),
        Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
            StoreOptions.SECRET_KEY, S3ProxyServer.SECRET_KEY));
    CacheOptions cache = CacheOptions.builder(cacheDir).metadataTtl(ttl).build();
    return StoreMount.mount(store, cache, BridgeOptions.defaults(0, 0).withKernelTtl(ttl),
        mountpoint, SessionOptions.defaults("bench"));
  }
}
