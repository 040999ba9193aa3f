package dev.transfuse.translators.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;

/**
 * Apache MINA SSHD's SFTP server in-process on 127.0.0.1 and port 0, serving {@code root} as "/"
 * to one user with a password. It writes a known_hosts file for its host key, and can add a delay
 * to every READ (to show whether a client's reads overlap).
 */
public final class MinaSftpServer implements AutoCloseable {
  public static final String USER = "tester";
  public static final String PASSWORD = "correct horse battery staple";

  private final SshServer sshd;
  private final Path knownHosts;
  private volatile Duration readDelay = Duration.ZERO;

  private MinaSftpServer(SshServer sshd, Path knownHosts) {
    this.sshd = sshd;
    this.knownHosts = knownHosts;
  }

  /**
   * @param root directory served as "/"
   * @param work directory for the host key and known_hosts file
   */
  public static MinaSftpServer start(Path root, Path work) throws IOException {
    SshServer sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    SimpleGeneratorHostKeyProvider keys =
        new SimpleGeneratorHostKeyProvider(work.resolve("mina-host-key"));
    keys.setAlgorithm("EC");
    sshd.setKeyPairProvider(keys);
    sshd.setPasswordAuthenticator((user, password, session) ->
        USER.equals(user) && PASSWORD.equals(password));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    MinaSftpServer[] self = new MinaSftpServer[1];
    SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
    sftp.addSftpEventListener(new SftpEventListener() {
      @Override
      public void reading(ServerSession session, String remoteHandle, FileHandle localHandle,
          long offset, byte[] data, int dataOffset, int dataLen) {
        Duration d = self[0].readDelay;
        if (!d.isZero()) {
          try {
            Thread.sleep(d.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    });
    sshd.setSubsystemFactories(List.of(sftp));
    sshd.start();
    Path knownHosts = work.resolve("mina-known_hosts");
    self[0] = new MinaSftpServer(sshd, knownHosts);
    PublicKey hostKey = null;
    for (KeyPair kp : keys.loadKeys(null)) {
      hostKey = kp.getPublic();
    }
    Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.getPort() + " "
        + PublicKeyEntry.toString(hostKey) + "\n", StandardCharsets.US_ASCII);
    return self[0];
  }

  public int port() {
    return sshd.getPort();
  }

  /** A known_hosts file that lists this server's host key. */
  public Path knownHosts() {
    return knownHosts;
  }

  /** Delay every SFTP READ by {@code delay} (zero turns it off). */
  public void delayReads(Duration delay) {
    this.readDelay = delay;
  }

  /** Stops the server and drops every session at once. */
  public void stop() throws IOException {
    sshd.stop(true);
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }
}
