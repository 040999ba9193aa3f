package dev.transfuse.translators.http;

import dev.transfuse.translators.store.StoreOptions;
import dev.transfuse.translators.vfs.SettingsConfigBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** VFS options of our HTTP provider: the checked {@link HttpSettings} as one option. */
public final class HttpFileSystemConfigBuilder extends SettingsConfigBuilder<HttpSettings> {
  private static final HttpFileSystemConfigBuilder INSTANCE = new HttpFileSystemConfigBuilder();

  private HttpFileSystemConfigBuilder() {
    super("transfuse.http.", HttpFileSystem.class);
  }

  public static HttpFileSystemConfigBuilder getInstance() {
    return INSTANCE;
  }

  /**
   * Checks {@code http(s)://host[:port]/path/} and the maps; a missing trailing slash is added
   * (the source names a directory).
   */
  public static HttpSettings settingsFrom(
      URI source, Map<String, String> optionMap, Map<String, String> credentials) {
    if (source.getHost() == null) {
      throw new IllegalArgumentException("http source needs a host: http(s)://host/path/");
    }
    if (source.getRawUserInfo() != null) {
      throw new IllegalArgumentException("http source must not carry credentials in the URI");
    }
    if (source.getRawQuery() != null || source.getRawFragment() != null) {
      throw new IllegalArgumentException("http source must not have a query or fragment");
    }
    if (!credentials.isEmpty()) {
      throw new IllegalArgumentException("http sources take no credentials (yet)");
    }
    StoreOptions options = StoreOptions.of("http", optionMap, StoreOptions.common());
    String path = source.getRawPath() == null || source.getRawPath().isEmpty()
        ? "/" : source.getRawPath();
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    URI base = URI.create(source.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
        + source.getRawAuthority() + path);
    return new HttpSettings(base,
        options.duration(StoreOptions.CONNECT_TIMEOUT, Duration.ofSeconds(10)),
        options.duration(StoreOptions.READ_TIMEOUT, Duration.ofSeconds(30)),
        8);
  }
}
