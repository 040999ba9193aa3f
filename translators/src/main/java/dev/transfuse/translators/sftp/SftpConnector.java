package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens SSH sessions and SFTP channels for one {@link SftpSettings}: host key checked against the
 * known_hosts file first, then password and/or key authentication, each step with its own
 * timeout. A refused host key and refused credentials become {@link Kind#ACCESS_DENIED} with a
 * message that says which, so a user can tell "fix known_hosts" from "fix the password".
 */
final class SftpConnector implements AutoCloseable {
  private final SftpSettings settings;
  private final SshClient ssh;
  /** Set by the verifier when it refuses a key: the transport error alone does not say why. */
  private final AtomicBoolean hostKeyRefused = new AtomicBoolean();

  SftpConnector(SftpSettings settings) {
    this.settings = settings;
    this.ssh = SshClient.setUpDefaultClient();
    // SFTP requests wait at most IDLE_TIMEOUT for their reply (DefaultSftpClient.receive), which
    // makes it our per-request read timeout. Heartbeats keep an idle session from hitting it.
    CoreModuleProperties.IDLE_TIMEOUT.set(ssh, settings.readTimeout());
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(ssh, settings.readTimeout().dividedBy(3));
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(ssh, settings.connectTimeout());
    CoreModuleProperties.AUTH_TIMEOUT.set(ssh, settings.connectTimeout());
    CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(ssh, settings.connectTimeout());
    ssh.setServerKeyVerifier(verifier());
    ssh.start();
  }

  private ServerKeyVerifier verifier() {
    ServerKeyVerifier unknown = settings.hostKeyPolicy() == HostKeyPolicy.ACCEPT_NEW
        ? AcceptAllServerKeyVerifier.INSTANCE
        : RejectAllServerKeyVerifier.INSTANCE;
    // Known keys are checked against the file; unknown ones go to the policy (and are appended to
    // the file when accepted); a changed key is always refused (KnownHostsServerKeyVerifier's
    // default ModifiedServerKeyAcceptor).
    KnownHostsServerKeyVerifier known =
        new KnownHostsServerKeyVerifier(unknown, settings.knownHosts());
    return (ClientSession session, SocketAddress remote, PublicKey key) -> {
      boolean ok = known.verifyServerKey(session, remote, key);
      if (!ok) {
        hostKeyRefused.set(true);
      }
      return ok;
    };
  }

  /** A new authenticated session with {@code channels} SFTP channels. */
  SftpConnection connect() throws StoreException {
    ClientSession session = null;
    try {
      session = ssh.connect(settings.user(), settings.host(), settings.port())
          .verify(settings.connectTimeout()).getSession();
      if (settings.password() != null) {
        session.addPasswordIdentity(settings.password());
      }
      if (settings.privateKey() != null) {
        for (KeyPair kp : keyPairs(session)) {
          session.addPublicKeyIdentity(kp);
        }
      }
      session.auth().verify(settings.connectTimeout());
      List<SftpClient> clients = new ArrayList<>();
      for (int i = 0; i < settings.channels(); i++) {
        clients.add(SftpClientFactory.instance().createSftpClient(session));
      }
      return new SftpConnection(session, clients);
    } catch (IOException e) {
      if (session != null) {
        session.close(true);
      }
      if (e instanceof StoreException) {
        throw (StoreException) e; // already classified (an unusable privateKey credential)
      }
      throw refusal(e);
    }
  }

  private Iterable<KeyPair> keyPairs(ClientSession session) throws StoreException {
    try {
      FilePasswordProvider passphrase = settings.passphrase() == null
          ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(settings.passphrase());
      Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session,
          NamedResource.ofName("privateKey credential"),
          new ByteArrayInputStream(settings.privateKey().getBytes(StandardCharsets.UTF_8)),
          passphrase);
      if (keys == null || !keys.iterator().hasNext()) {
        throw new IllegalArgumentException("privateKey credential holds no private key");
      }
      return keys;
    } catch (IOException | GeneralSecurityException e) {
      // The message of a key parser can quote key material: keep only its type.
      throw new StoreException(Kind.ACCESS_DENIED, "cannot use the privateKey credential for "
          + settings.label() + " (" + e.getClass().getSimpleName()
          + "; wrong passphrase or unsupported format?)");
    }
  }

  private StoreException refusal(IOException e) {
    String where = settings.label();
    if (hostKeyRefused.getAndSet(false)) {
      return new StoreException(Kind.ACCESS_DENIED, "host key of " + settings.host() + ":"
          + settings.port() + " refused: not in " + settings.knownHosts() + " or changed (hostKeyPolicy="
          + settings.hostKeyPolicy().optionValue() + ")", e);
    }
    String message = String.valueOf(e.getMessage());
    if (message.contains("No more authentication methods") || message.contains("auth")
        && message.contains("fail")) {
      return new StoreException(Kind.ACCESS_DENIED,
          "authentication to " + where + " failed: " + message, e);
    }
    return new StoreException(Kind.UNAVAILABLE, "cannot connect to " + where + ": " + message, e);
  }

  @Override
  public void close() {
    try {
      ssh.stop();
    } catch (RuntimeException e) {
      // Closing a client whose sessions are already dead can throw; nothing is left to release.
    }
  }
}
