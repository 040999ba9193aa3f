package dev.transfuse.mount.bench;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.mount.fs.BridgeOptions;
import dev.transfuse.mount.fs.StoreMount;
import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The transfuse contender of bench/mount-bench.sh: one S3 mount with default cache options
 * except that kernel and metadata TTLs are TTL_SECONDS (long enough that the warm phases are
 * not timed across an expiry). Prints {@code READY} once mounted, serves until stdin closes,
 * then unmounts.
 *
 * <pre>BenchMountDaemon ENDPOINT BUCKET CACHE_DIR MOUNTPOINT TTL_SECONDS</pre>
 */
public final class BenchMountDaemon {
  private BenchMountDaemon() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: BenchMountDaemon ENDPOINT BUCKET CACHE_DIR MOUNTPOINT TTL_SECONDS");
      System.exit(2);
    }
    Duration ttl = Duration.ofSeconds(Long.parseLong(args[4]));
    var store = Stores.open(URI.create("s3://" + args[1]),
        Map.of(StoreOptions.ENDPOINT, args[0], StoreOptions.PATH_STYLE, "true"),
        Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
            StoreOptions.SECRET_KEY, S3ProxyServer.SECRET_KEY));
    CacheOptions cache = CacheOptions.builder(Path.of(args[2])).metadataTtl(ttl).build();
    try (StoreMount mount = StoreMount.mount(store, cache,
        BridgeOptions.defaults(0, 0).withKernelTtl(ttl), Path.of(args[3]),
        SessionOptions.defaults("bench"))) {
      System.out.println("READY");
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the driver closes our stdin
      }
    }
  }
}
