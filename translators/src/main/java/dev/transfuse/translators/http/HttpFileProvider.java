package dev.transfuse.translators.http;

import java.util.Collection;
import java.util.List;
import org.apache.commons.vfs2.Capability;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemConfigBuilder;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.AbstractOriginatingFileProvider;
import org.apache.commons.vfs2.provider.GenericURLFileNameParser;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Commons VFS provider for {@code http://} and {@code https://} directories that can be listed
 * (see {@link HttpStore} for why it replaces VFS's http5 provider rather than extending it).
 */
public final class HttpFileProvider extends AbstractOriginatingFileProvider {
  static final Collection<Capability> CAPABILITIES = List.of(
      Capability.GET_TYPE, Capability.READ_CONTENT, Capability.LIST_CHILDREN,
      Capability.GET_LAST_MODIFIED, Capability.URI);

  /** A provider for {@code http://} (default port 80). */
  public HttpFileProvider() {
    this(80);
  }

  /** A provider for a scheme whose default port is {@code defaultPort} (443 for https). */
  public HttpFileProvider(int defaultPort) {
    setFileNameParser(new GenericURLFileNameParser(defaultPort));
  }

  @Override
  protected FileSystem doCreateFileSystem(FileName root, FileSystemOptions options)
      throws FileSystemException {
    HttpSettings settings = HttpFileSystemConfigBuilder.getInstance().getSettings(options);
    if (settings == null) {
      throw new FileSystemException("http file system needs HttpSettings in its options");
    }
    return new HttpFileSystem(root, options, new HttpStore(settings, client(settings)));
  }

  /**
   * Pooled connections (reads of one store run in parallel), connect and socket timeouts (a
   * stalled body fails after readTimeout), no redirects followed (a redirect to "dir/" is how
   * servers say "directory"), no transparent gzip (it would shift byte ranges), and the
   * idempotent GET/HEAD retried twice on 429/503 or a dropped connection, with a short pause.
   */
  static CloseableHttpClient client(HttpSettings settings) {
    Timeout connect = Timeout.of(settings.connectTimeout());
    Timeout read = Timeout.of(settings.readTimeout());
    return HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(connect).setSocketTimeout(read).build())
            .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
            .setMaxConnTotal(64)
            .setMaxConnPerRoute(32)
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read).build())
        .setRetryStrategy(new DefaultHttpRequestRetryStrategy(2, TimeValue.ofMilliseconds(200)))
        .disableRedirectHandling()
        .disableContentCompression()
        .disableCookieManagement()
        .build();
  }

  @Override
  public FileSystemConfigBuilder getConfigBuilder() {
    return HttpFileSystemConfigBuilder.getInstance();
  }

  @Override
  public Collection<Capability> getCapabilities() {
    return CAPABILITIES;
  }
}
