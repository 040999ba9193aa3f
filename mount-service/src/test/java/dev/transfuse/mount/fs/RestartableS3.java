package dev.transfuse.mount.fs;

import dev.transfuse.translators.Stores;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.testing.FreePort;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy on a fixed loopback port over a directory, that can be stopped and started again with
 * the same data at the same address: a store that dies and comes back.
 */
final class RestartableS3 implements AutoCloseable {
  private final Path dir;
  private final int port;
  private BlobStoreContext context;
  private S3Proxy proxy;

  RestartableS3(Path dir) throws Exception {
    this.dir = dir;
    this.port = FreePort.pick();
    start();
  }

  void start() throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toString());
    context = ContextBuilder.newBuilder("filesystem").credentials("id", "secret").overrides(p)
        .build(BlobStoreContext.class);
    proxy = S3Proxy.builder().blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
  }

  void stop() throws Exception {
    proxy.stop();
    context.close();
  }

  BlobStore blobs() {
    return context.getBlobStore();
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  Store open(String bucket) throws Exception {
    return Stores.open(URI.create("s3://" + bucket),
        Map.of(StoreOptions.ENDPOINT, endpoint(), StoreOptions.PATH_STYLE, "true"),
        Map.of(StoreOptions.ACCESS_KEY, S3ProxyServer.ACCESS_KEY,
            StoreOptions.SECRET_KEY, S3ProxyServer.SECRET_KEY));
  }

  @Override
  public void close() throws Exception {
    if ("STARTED".equals(proxy.getState())) {
      stop();
    }
  }
}
