package dev.transfuse.service.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's web server: serves a directory on 127.0.0.1 with nginx-style autoindex pages (name,
 * date and size on each line) and ranged GETs, as a static file server would.
 */
final class DemoHttpServer implements AutoCloseable {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final HttpServer server;
  private final Path root;

  DemoHttpServer(Path root) throws IOException {
    this.root = root.toRealPath();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String rel = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      Path p = root.resolve(rel.substring(1)).normalize();
      if (!p.startsWith(root) || !Files.exists(p)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      boolean head = ex.getRequestMethod().equals("HEAD");
      if (Files.isDirectory(p) && !rel.endsWith("/")) {
        // as nginx and Apache do: a directory's canonical address ends with a slash
        ex.getResponseHeaders().set("Location", ex.getRequestURI().getRawPath() + "/");
        ex.sendResponseHeaders(301, -1);
        return;
      }
      if (Files.isDirectory(p)) {
        byte[] page = index(rel, p).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, head ? -1 : page.length);
        if (!head) {
          ex.getResponseBody().write(page);
        }
        return;
      }
      file(ex, p, head);
    }
  }

  private static void file(HttpExchange ex, Path p, boolean head) throws IOException {
    long size = Files.size(p);
    long from = 0;
    long to = size - 1;
    String range = ex.getRequestHeaders().getFirst("Range");
    int status = 200;
    if (range != null && range.startsWith("bytes=") && !range.contains(",")) {
      String[] r = range.substring(6).split("-", 2);
      if (r[0].isEmpty()) {
        from = Math.max(0, size - Long.parseLong(r[1]));
      } else {
        from = Long.parseLong(r[0]);
        if (!r[1].isEmpty()) {
          to = Math.min(to, Long.parseLong(r[1]));
        }
      }
      if (from >= size) {
        ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
        ex.sendResponseHeaders(416, -1);
        return;
      }
      status = 206;
      ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    ex.getResponseHeaders().set("Accept-Ranges", "bytes");
    ex.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Files.getLastModifiedTime(p).toInstant().atZone(ZoneOffset.UTC)));
    ex.getResponseHeaders().set("ETag", "\"" + Long.toHexString(size) + "-"
        + Long.toHexString(Files.getLastModifiedTime(p).toMillis()) + "\"");
    long len = to - from + 1;
    if (head) {
      // HttpServer sends no length for a body-less answer; HEAD must still tell the size
      ex.getResponseHeaders().set("Content-Length", Long.toString(len));
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, len);
    try (var ch = Files.newByteChannel(p); OutputStream out = ex.getResponseBody()) {
      ch.position(from);
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
      long left = len;
      while (left > 0) {
        buf.clear().limit((int) Math.min(buf.capacity(), left));
        int n = ch.read(buf);
        if (n < 0) {
          break;
        }
        out.write(buf.array(), 0, n);
        left -= n;
      }
    }
  }

  private static String index(String rel, Path dir) throws IOException {
    String title = rel.endsWith("/") ? rel : rel + "/";
    StringBuilder sb = new StringBuilder("<html>\r\n<head><title>Index of ").append(title)
        .append("</title></head>\r\n<body>\r\n<h1>Index of ").append(title)
        .append("</h1><hr><pre><a href=\"../\">../</a>\r\n");
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(children::add);
    }
    children.sort(null);
    for (Path c : children) {
      boolean d = Files.isDirectory(c);
      String name = c.getFileName().toString() + (d ? "/" : "");
      String href = URLEncoder.encode(c.getFileName().toString(), StandardCharsets.UTF_8)
          .replace("+", "%20") + (d ? "/" : "");
      sb.append("<a href=\"").append(href).append("\">").append(name).append("</a>")
          .append(" ".repeat(Math.max(1, 51 - name.length())))
          .append(DATE.format(Files.getLastModifiedTime(c).toInstant()))
          .append(String.format("%20s", d ? "-" : Long.toString(Files.size(c)))).append("\r\n");
    }
    return sb.append("</pre><hr></body>\r\n</html>\r\n").toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
