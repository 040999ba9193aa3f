package dev.transfuse.translators.testing;

import dev.transfuse.translators.store.StoreOptions;
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
 * S3Proxy in-process on 127.0.0.1 and a free port, with AWS v4 auth: a real S3 wire protocol
 * server for tests and benchmarks. Backed by jclouds' in-memory "transient" store, or by the
 * "filesystem" store when objects are too big for the heap.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "transfuse-test";
  public static final String SECRET_KEY = "transfuse-test-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;

  private S3ProxyServer(S3Proxy proxy, BlobStoreContext context) {
    this.proxy = proxy;
    this.context = context;
  }

  /** An in-memory store. */
  public static S3ProxyServer startInMemory() throws Exception {
    return start(ContextBuilder.newBuilder("transient").credentials("id", "secret")
        .build(BlobStoreContext.class));
  }

  /** A store in {@code dir}, for objects larger than the heap. */
  public static S3ProxyServer startOnDisk(Path dir) throws Exception {
    Properties p = new Properties();
    p.setProperty("jclouds.filesystem.basedir", dir.toString());
    return start(ContextBuilder.newBuilder("filesystem").credentials("id", "secret")
        .overrides(p).build(BlobStoreContext.class));
  }

  private static S3ProxyServer start(BlobStoreContext context) throws Exception {
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(context.getBlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
      }
      Thread.sleep(5);
    }
    return new S3ProxyServer(proxy, context);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  public int port() {
    return proxy.getPort();
  }

  /** The jclouds store behind the proxy, to seed fixtures without going through HTTP. */
  public BlobStore blobStore() {
    return context.getBlobStore();
  }

  public void createBucket(String bucket) {
    blobStore().createContainerInLocation(null, bucket);
  }

  /** Options for {@code Stores.open} pointing at this server. */
  public Map<String, String> options() {
    return Map.of(StoreOptions.ENDPOINT, endpoint().toString(), StoreOptions.PATH_STYLE, "true");
  }

  public Map<String, String> credentials() {
    return Map.of(StoreOptions.ACCESS_KEY, ACCESS_KEY, StoreOptions.SECRET_KEY, SECRET_KEY);
  }

  /** Stops accepting and drops open connections. */
  public void stop() throws Exception {
    proxy.stop();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("S3Proxy did not stop", e);
    } finally {
      context.close();
    }
  }
}
