package dev.transfuse.mount.bench;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * The translator's own sequential read speed, the yardstick of a mount's cold read in
 * bench/mount-bench.sh: one {@link Store#read} stream over the whole object, read in 1 MiB
 * pieces, no cache and no FUSE. The object is read twice in this JVM and the second pass is
 * printed (MB/s), so JIT warm-up and connection set-up are not counted against the store.
 *
 * <pre>RawStoreRead ENDPOINT BUCKET PATH</pre>
 */
public final class RawStoreRead {
  private RawStoreRead() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: RawStoreRead ENDPOINT BUCKET PATH");
      System.exit(2);
    }
    try (Store store = Stores.open(URI.create("s3://" + args[1]),
        Map.of(StoreOptions.ENDPOINT, args[0], StoreOptions.PATH_STYLE, "true"),
        Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
            StoreOptions.SECRET_KEY, S3ProxyServer.SECRET_KEY))) {
      long size = store.stat(args[2]).orElseThrow().size();
      double mbs = 0;
      for (int pass = 0; pass < 2; pass++) {
        mbs = readAll(store, args[2], size);
      }
      System.out.printf("%.1f%n", mbs);
    }
  }

  private static double readAll(Store store, String path, long size) throws Exception {
    byte[] buf = new byte[1 << 20];
    long total = 0;
    long t0 = System.nanoTime();
    try (InputStream in = store.read(path, 0, size)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
      }
    }
    long t1 = System.nanoTime();
    if (total != size) {
      throw new IllegalStateException("read " + total + " of " + size + " bytes");
    }
    return total / ((t1 - t0) / 1e9) / 1e6;
  }
}
