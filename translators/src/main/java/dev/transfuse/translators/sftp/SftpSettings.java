package dev.transfuse.translators.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to reach one SFTP directory, checked. Secrets are held here and nowhere else;
 * {@link #toString()} leaves them out.
 *
 * @param host server host
 * @param port server port
 * @param user login name
 * @param root absolute remote directory that is the store's "/" ("/" for the server root)
 * @param password password, or null
 * @param privateKey private key text (OpenSSH or PEM), or null
 * @param passphrase passphrase of the private key, or null
 * @param hostKeyPolicy what to do with an unknown host key
 * @param knownHosts known_hosts file
 * @param connectTimeout limit for TCP connect, key exchange and authentication each
 * @param readTimeout limit for any single SFTP request
 * @param channels SFTP channels on the session (parallel requests)
 */
public record SftpSettings(
    String host,
    int port,
    String user,
    String root,
    String password,
    String privateKey,
    String passphrase,
    HostKeyPolicy hostKeyPolicy,
    Path knownHosts,
    Duration connectTimeout,
    Duration readTimeout,
    int channels) {

  public SftpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
    Objects.requireNonNull(knownHosts, "knownHosts");
    if (!root.startsWith("/")) {
      throw new IllegalArgumentException("sftp root must be absolute: " + root);
    }
    if (password == null && privateKey == null) {
      throw new IllegalArgumentException("sftp needs a password or a privateKey credential");
    }
    if (channels < 1 || channels > 64) {
      throw new IllegalArgumentException("channels must be in [1, 64], was " + channels);
    }
  }

  /** The remote absolute path of a store path. */
  String remote(String storePath) {
    if ("/".equals(storePath)) {
      return root;
    }
    return "/".equals(root) ? storePath : root + storePath;
  }

  /** "sftp://user@host:port/root" for messages. */
  public String label() {
    return "sftp://" + user + "@" + host + ":" + port + root;
  }

  @Override
  public String toString() {
    return "SftpSettings[" + label() + ", hostKeyPolicy=" + hostKeyPolicy.optionValue()
        + ", knownHosts=" + knownHosts + ", password=" + (password == null ? "no" : "yes")
        + ", privateKey=" + (privateKey == null ? "no" : "yes") + "]";
  }
}
