package dev.transfuse.service.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The demo's three stores, each a real server on 127.0.0.1 with the sample tree: S3Proxy (S3
 * wire protocol, in-memory), Apache MINA SSHD (SFTP, password login), and a web server with index
 * pages. Real protocols, so the demo exercises exactly what a user's stores would.
 */
final class DemoStores implements AutoCloseable {
  static final String BUCKET = "demo";
  static final String S3_ACCESS_KEY = "demo-access-key";
  static final String S3_SECRET_KEY = "demo-secret-key";
  static final String SFTP_USER = "demo";
  static final String SFTP_PASSWORD = "demo-password";

  private final BlobStoreContext blobs;
  private final S3Proxy s3;
  private final SshServer sftp;
  private final DemoHttpServer http;

  private DemoStores(BlobStoreContext blobs, S3Proxy s3, SshServer sftp, DemoHttpServer http) {
    this.blobs = blobs;
    this.s3 = s3;
    this.sftp = sftp;
    this.http = http;
  }

  static DemoStores start(Path work) throws Exception {
    Map<String, byte[]> files = SampleTree.files();
    Path tree = Files.createDirectories(work.resolve("files"));
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path p = tree.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, f.getValue());
    }
    BlobStoreContext ctx = ContextBuilder.newBuilder("transient").credentials("id", "secret")
        .build(BlobStoreContext.class);
    BlobStore store = ctx.getBlobStore();
    store.createContainerInLocation(null, BUCKET);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      store.putBlob(BUCKET, store.blobBuilder(f.getKey()).payload(f.getValue()).build());
    }
    S3Proxy proxy = S3Proxy.builder().blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
    SshServer ssh = SshServer.setUpDefaultServer();
    ssh.setHost("127.0.0.1");
    ssh.setPort(0);
    ssh.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(work.resolve("ssh-host-key")));
    ssh.setPasswordAuthenticator((user, password, session) ->
        SFTP_USER.equals(user) && SFTP_PASSWORD.equals(password));
    ssh.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    ssh.setFileSystemFactory(new VirtualFileSystemFactory(tree));
    ssh.start();
    return new DemoStores(ctx, proxy, ssh, new DemoHttpServer(tree));
  }

  String s3Endpoint() {
    return "http://127.0.0.1:" + s3.getPort();
  }

  int sftpPort() {
    return sftp.getPort();
  }

  String httpUrl() {
    return "http://127.0.0.1:" + http.port() + "/";
  }

  @Override
  public void close() {
    http.close();
    try {
      sftp.stop(true);
    } catch (IOException ignored) {
      // exiting anyway
    }
    try {
      s3.stop();
    } catch (Exception ignored) {
      // exiting anyway
    }
    blobs.close();
  }
}
