package dev.transfuse.translators;

import dev.transfuse.translators.file.LocalStore;
import dev.transfuse.translators.http.HttpFileProvider;
import dev.transfuse.translators.http.HttpFileSystem;
import dev.transfuse.translators.http.HttpFileSystemConfigBuilder;
import dev.transfuse.translators.http.HttpSettings;
import dev.transfuse.translators.http.HttpStore;
import dev.transfuse.translators.s3.S3FileProvider;
import dev.transfuse.translators.s3.S3FileSystem;
import dev.transfuse.translators.s3.S3FileSystemConfigBuilder;
import dev.transfuse.translators.s3.S3Settings;
import dev.transfuse.translators.s3.S3Store;
import dev.transfuse.translators.sftp.SftpFileProvider;
import dev.transfuse.translators.sftp.SftpFileSystem;
import dev.transfuse.translators.sftp.SftpFileSystemConfigBuilder;
import dev.transfuse.translators.sftp.SftpSettings;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.vfs.IsolatedVfs;
import dev.transfuse.translators.vfs.VfsHostedStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.vfs2.FileSystemOptions;

/**
 * Opens a {@link Store} from a mount's source URI, its options and its credentials: the one entry
 * point the mount service uses.
 *
 * <ul>
 *   <li>{@code s3://bucket[/prefix]}: options {@code endpoint}, {@code region}, {@code pathStyle},
 *       {@code multipartThreshold}, {@code partSize}; credentials {@code accessKey} +
 *       {@code secretKey}, or {@code profile}, or none for the SDK's default chain.
 *   <li>{@code sftp://user@host[:port]/path}: options {@code hostKeyPolicy} ({@code strict} or
 *       {@code accept-new}), {@code knownHostsFile}, {@code channels}; credentials {@code
 *       password} and/or {@code privateKey} (+ {@code passphrase}).
 *   <li>{@code http(s)://host/path/}: read-only, listings from index pages; no credentials.
 *   <li>{@code file:///path}: a local directory.
 * </ul>
 *
 * Every scheme also takes {@code connectTimeout} and {@code readTimeout}. Names are the constants
 * of {@link StoreOptions}. Unknown option names, malformed URIs and credentials embedded in the
 * URI are {@link IllegalArgumentException}s; an unreachable or refusing store is a {@link
 * StoreException}. Credential values never appear in a message, a log line or a toString.
 */
public final class Stores {
  private Stores() {}

  public static Store open(URI source, Map<String, String> options,
      Map<String, String> credentials) throws StoreException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(credentials, "credentials");
    String scheme = source.getScheme();
    if (scheme == null || !source.isAbsolute()) {
      throw new IllegalArgumentException("source needs a scheme (s3, sftp, http, https, file): "
          + redact(source));
    }
    switch (scheme.toLowerCase(Locale.ROOT)) {
      case "s3":
        return openS3(source, options, credentials);
      case "sftp":
        return openSftp(source, options, credentials);
      case "http":
      case "https":
        return openHttp(source, options, credentials);
      case "file":
        return openFile(source, options, credentials);
      default:
        throw new IllegalArgumentException("unsupported scheme '" + scheme + "' in "
            + redact(source) + "; supported: s3, sftp, http, https, file");
    }
  }

  /** {@code source} without any user-info password, safe for messages and logs. */
  public static String redact(URI source) {
    if (source.getRawUserInfo() == null) {
      return source.toString();
    }
    String user = source.getRawUserInfo();
    int colon = user.indexOf(':');
    String shown = colon < 0 ? user : user.substring(0, colon) + ":***";
    return source.getScheme() + "://" + shown + "@" + source.getHost()
        + (source.getPort() < 0 ? "" : ":" + source.getPort())
        + (source.getRawPath() == null ? "" : source.getRawPath());
  }

  private static Store openS3(URI source, Map<String, String> options,
      Map<String, String> credentials) throws StoreException {
    S3Settings settings = S3FileSystemConfigBuilder.settingsFrom(source, options, credentials);
    FileSystemOptions vfsOptions = new FileSystemOptions();
    S3FileSystemConfigBuilder.getInstance().setSettings(vfsOptions, settings);
    IsolatedVfs vfs = IsolatedVfs.open("s3", new S3FileProvider(),
        "s3://" + settings.bucket() + "/", vfsOptions, settings.label());
    S3Store s3 = ((S3FileSystem) vfs.root().getFileSystem()).store();
    Store store = new VfsHostedStore(s3, vfs);
    try {
      s3.probe();
    } catch (StoreException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private static Store openSftp(URI source, Map<String, String> options,
      Map<String, String> credentials) throws StoreException {
    SftpSettings settings =
        SftpFileSystemConfigBuilder.settingsFrom(source, options, credentials);
    FileSystemOptions vfsOptions = new FileSystemOptions();
    SftpFileSystemConfigBuilder.getInstance().setSettings(vfsOptions, settings);
    // The VFS root carries user, host and port (one file system per login), never a password.
    String root = "sftp://" + encodeUser(settings.user()) + "@"
        + settings.host() + ":" + settings.port() + "/";
    IsolatedVfs vfs = IsolatedVfs.open("sftp", new SftpFileProvider(), root, vfsOptions,
        settings.label());
    return new VfsHostedStore(((SftpFileSystem) vfs.root().getFileSystem()).store(), vfs);
  }

  private static Store openHttp(URI source, Map<String, String> options,
      Map<String, String> credentials) throws StoreException {
    HttpSettings settings =
        HttpFileSystemConfigBuilder.settingsFrom(source, options, credentials);
    FileSystemOptions vfsOptions = new FileSystemOptions();
    HttpFileSystemConfigBuilder.getInstance().setSettings(vfsOptions, settings);
    String scheme = settings.base().getScheme();
    HttpFileProvider provider = new HttpFileProvider("https".equals(scheme) ? 443 : 80);
    IsolatedVfs vfs = IsolatedVfs.open(scheme, provider,
        scheme + "://" + settings.base().getRawAuthority() + "/", vfsOptions,
        settings.base().toString());
    HttpStore http = ((HttpFileSystem) vfs.root().getFileSystem()).store();
    Store store = new VfsHostedStore(http, vfs);
    try {
      http.probe();
    } catch (StoreException e) {
      store.close();
      throw e;
    }
    return store;
  }

  /** A user name as URI user-info: VFS parses the root URI, so "@" or ":" in a name is escaped. */
  private static String encodeUser(String user) {
    StringBuilder sb = new StringBuilder();
    for (byte b : user.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        sb.append((char) c);
      } else {
        sb.append(String.format("%%%02X", c));
      }
    }
    return sb.toString();
  }

  private static Store openFile(URI source, Map<String, String> options,
      Map<String, String> credentials) throws StoreException {
    StoreOptions.of("file", options, StoreOptions.common());
    if (!credentials.isEmpty()) {
      throw new IllegalArgumentException("file sources take no credentials");
    }
    if (source.getAuthority() != null && !source.getAuthority().isEmpty()) {
      throw new IllegalArgumentException("file source must be file:///absolute/path, was "
          + source);
    }
    return new LocalStore(Path.of(source));
  }
}
