package dev.transfuse.translators.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An embedded HTTP file server (the JDK's com.sun.net.httpserver) on 127.0.0.1 and port 0 that
 * serves a directory like a real web server does: HEAD and GET with Content-Length,
 * Last-Modified, ETag and single byte ranges, a 301 to "dir/" for a directory without its slash,
 * and index pages in one {@link IndexStyle}. It can delay each response or stall a body part-way,
 * for the parallelism and timeout tests.
 */
public final class IndexPageServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private final HttpServer server;
  private final ExecutorService pool;
  private final Path root;
  private final IndexStyle style;
  private volatile Duration delay = Duration.ZERO;
  private volatile long stallAfter = -1;
  private volatile boolean ignoreRanges;
  private final java.util.concurrent.atomic.AtomicLong requests =
      new java.util.concurrent.atomic.AtomicLong();

  private IndexPageServer(HttpServer server, ExecutorService pool, Path root, IndexStyle style) {
    this.server = server;
    this.pool = pool;
    this.root = root;
    this.style = style;
  }

  public static IndexPageServer start(Path root, IndexStyle style) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    ExecutorService pool = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "index-page-server");
      t.setDaemon(true);
      return t;
    });
    IndexPageServer s = new IndexPageServer(server, pool, root, style);
    server.createContext("/", s::handle);
    server.setExecutor(pool);
    server.start();
    return s;
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** Wait {@code d} before answering each file HEAD or GET (zero: off). */
  public void delayResponses(Duration d) {
    this.delay = d;
  }

  /** Answer every GET with the whole file (200), as servers without range support do. */
  public void ignoreRanges(boolean ignore) {
    this.ignoreRanges = ignore;
  }

  /** Stop sending a file body after {@code bytes} and hang, never closing (-1: off). */
  public void stallAfter(long bytes) {
    this.stallAfter = bytes;
  }

  /** Requests answered so far, for tests that count round trips. */
  public long requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      String raw = ex.getRequestURI().getRawPath();
      String decoded = dev.transfuse.translators.testing.PercentDecoding.decode(raw);
      Path p = decoded == null || decoded.contains("/../") || decoded.endsWith("/..")
          ? null : root.resolve(decoded.substring(1));
      boolean head = "HEAD".equals(ex.getRequestMethod());
      if (p == null || !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      if (Files.isDirectory(p)) {
        if (!raw.endsWith("/")) {
          ex.getResponseHeaders().set("Location", raw + "/");
          ex.sendResponseHeaders(301, -1);
          return;
        }
        directory(ex, p, decoded, head);
        return;
      }
      if (raw.endsWith("/")) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      file(ex, p, head);
    }
  }

  private void directory(HttpExchange ex, Path dir, String path, boolean head)
      throws IOException {
    IndexStyle effective = style;
    String accept = ex.getRequestHeaders().getFirst("Accept");
    if (style == IndexStyle.CADDY_JSON && (accept == null || !accept.contains("json"))) {
      effective = IndexStyle.PYTHON; // Caddy sends HTML unless JSON is asked for
    }
    List<IndexStyle.Row> rows = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path c : (Iterable<Path>) children.sorted()::iterator) {
        boolean d = Files.isDirectory(c);
        rows.add(new IndexStyle.Row(c.getFileName().toString(), d, d ? 0 : Files.size(c),
            Files.getLastModifiedTime(c).toInstant()));
      }
    }
    byte[] body = effective.render(path, rows);
    ex.getResponseHeaders().set("Content-Type", effective.contentType());
    ex.sendResponseHeaders(200, head ? -1 : body.length);
    if (!head) {
      ex.getResponseBody().write(body);
    }
  }

  private void file(HttpExchange ex, Path p, boolean head) throws IOException {
    long size = Files.size(p);
    var modified = Files.getLastModifiedTime(p).toInstant();
    ex.getResponseHeaders().set("Last-Modified",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC)));
    ex.getResponseHeaders().set("ETag", "\"" + Long.toHexString(modified.toEpochMilli()) + "-"
        + Long.toHexString(size) + "\"");
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
    pause(delay);
    if (head) {
      ex.getResponseHeaders().set("Content-Length", String.valueOf(size));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    long start = 0;
    long end = size - 1;
    int status = 200;
    String range = ignoreRanges ? null : ex.getRequestHeaders().getFirst("Range");
    if (range != null) {
      Matcher m = RANGE.matcher(range);
      if (m.matches()) {
        start = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
          end = Math.min(end, Long.parseLong(m.group(2)));
        }
        if (start >= size) {
          ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
          ex.sendResponseHeaders(416, -1);
          return;
        }
        status = 206;
        ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
      }
    }
    long length = end - start + 1;
    ex.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
        InputStream in = Channels.newInputStream(ch.position(start))) {
      copy(in, ex.getResponseBody(), length);
    }
  }

  private void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long sent = 0;
    while (sent < length) {
      long stall = stallAfter;
      if (stall >= 0 && sent >= stall) {
        out.flush();
        pause(Duration.ofMinutes(10)); // hang until the server is stopped
        return;
      }
      int n = in.read(buf, 0, (int) Math.min(buf.length, length - sent));
      if (n < 0) {
        return;
      }
      out.write(buf, 0, n);
      sent += n;
    }
  }

  private static void pause(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the listener and every open connection at once. */
  public void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }
}
