package dev.transfuse.mount.fs;

import dev.transfuse.cache.CacheOptions;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM holding one S3 mount, for tests that kill the daemon (kill -9) mid-work.
 *
 * <pre>MountDaemon ENDPOINT BUCKET CACHE_DIR MOUNTPOINT</pre>
 */
public final class MountDaemon {
  private MountDaemon() {}

  public static void main(String[] args) throws Exception {
    var store = Stores.open(URI.create("s3://" + args[1]),
        Map.of(StoreOptions.ENDPOINT, args[0], StoreOptions.PATH_STYLE, "true"),
        Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
            StoreOptions.SECRET_KEY, S3ProxyServer.SECRET_KEY));
    StoreMount.mount(store, CacheOptions.builder(Path.of(args[2])).build(),
        BridgeOptions.defaults(0, 0), Path.of(args[3]), SessionOptions.defaults("daemon"));
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
