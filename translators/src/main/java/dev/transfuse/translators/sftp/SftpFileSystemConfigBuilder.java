package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.vfs.SettingsConfigBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * VFS options of our SFTP provider: the checked {@link SftpSettings} as one option. {@link
 * #settingsFrom} turns a mount's URI, options and credentials into those settings.
 */
public final class SftpFileSystemConfigBuilder extends SettingsConfigBuilder<SftpSettings> {
  private static final SftpFileSystemConfigBuilder INSTANCE = new SftpFileSystemConfigBuilder();

  private SftpFileSystemConfigBuilder() {
    super("transfuse.sftp.", SftpFileSystem.class);
  }

  public static SftpFileSystemConfigBuilder getInstance() {
    return INSTANCE;
  }

  /**
   * Checks {@code sftp://user@host[:port]/path} and the maps.
   *
   * @throws IllegalArgumentException naming the bad part (never a credential value)
   */
  public static SftpSettings settingsFrom(
      URI source, Map<String, String> optionMap, Map<String, String> credentials) {
    String user = source.getUserInfo();
    if (user == null || user.isEmpty()) {
      throw new IllegalArgumentException("sftp source needs a user: sftp://user@host[:port]/path");
    }
    if (user.contains(":")) {
      throw new IllegalArgumentException(
          "sftp source must not carry a password in the URI; pass the password credential");
    }
    if (source.getHost() == null) {
      throw new IllegalArgumentException("sftp source needs a host: sftp://user@host[:port]/path");
    }
    String path = source.getPath() == null || source.getPath().isEmpty() ? "/" : source.getPath();
    String root = path.length() > 1 && path.endsWith("/")
        ? path.substring(0, path.length() - 1) : path;
    StoreOptions options = StoreOptions.of("sftp", optionMap, StoreOptions.common(
        StoreOptions.HOST_KEY_POLICY, StoreOptions.KNOWN_HOSTS_FILE, StoreOptions.CHANNELS));
    Path knownHosts = Path.of(options.text(StoreOptions.KNOWN_HOSTS_FILE,
        Path.of(System.getProperty("user.home"), ".ssh", "known_hosts").toString()));
    for (String name : credentials.keySet()) {
      if (!name.equals(StoreOptions.PASSWORD) && !name.equals(StoreOptions.PRIVATE_KEY)
          && !name.equals(StoreOptions.PASSPHRASE)) {
        throw new IllegalArgumentException("unknown sftp credential '" + name
            + "'; known: password, privateKey, passphrase");
      }
    }
    return new SftpSettings(
        source.getHost(),
        source.getPort() < 0 ? 22 : source.getPort(),
        user,
        root,
        credentials.get(StoreOptions.PASSWORD),
        credentials.get(StoreOptions.PRIVATE_KEY),
        credentials.get(StoreOptions.PASSPHRASE),
        HostKeyPolicy.parse(options.text(StoreOptions.HOST_KEY_POLICY, "strict")),
        knownHosts,
        options.duration(StoreOptions.CONNECT_TIMEOUT, Duration.ofSeconds(10)),
        options.duration(StoreOptions.READ_TIMEOUT, Duration.ofSeconds(30)),
        options.integer(StoreOptions.CHANNELS, 4, 1, 64));
  }
}
