package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's nginx as a child process with its own config on a free 127.0.0.1 port, serving one
 * directory twice: {@code /html/} with autoindex HTML and {@code /json/} with {@code
 * autoindex_format json}. Single process ({@code master_process off}), killed by PID on close.
 */
public final class NginxServer implements AutoCloseable {
  public static final Path NGINX = Path.of("/usr/sbin/nginx");

  private final Process process;
  private final int port;
  private final Path accessLog;

  private NginxServer(Process process, int port, Path accessLog) {
    this.process = process;
    this.port = port;
    this.accessLog = accessLog;
  }

  /** Requests answered so far (lines of the access log, which nginx writes per request). */
  public long requests() throws IOException {
    if (!Files.exists(accessLog)) {
      return 0;
    }
    try (var lines = Files.lines(accessLog)) {
      return lines.count();
    }
  }

  public static boolean available() {
    return Files.isExecutable(NGINX);
  }

  public static NginxServer start(Path root, Path work) throws IOException, InterruptedException {
    Files.createDirectories(work.resolve("tmp"));
    ServerProcess server = ServerProcess.start("nginx", work.resolve("nginx.out"), java.time.Duration.ofSeconds(10), port -> {
      Path config = work.resolve("nginx.conf");
      String tmp = work.resolve("tmp").toString();
      Files.writeString(config, String.join("\n",
          "daemon off;",
          "master_process off;",
          "worker_processes 1;",
          "pid " + work.resolve("nginx.pid") + ";",
          "error_log " + work.resolve("error.log") + " error;",
          "events { worker_connections 512; }",
          "http {",
          "  include /etc/nginx/mime.types;",
          "  default_type application/octet-stream;",
          "  access_log " + work.resolve("access.log") + ";",
          "  sendfile on;",
          "  client_body_temp_path " + tmp + "/body;",
          "  proxy_temp_path " + tmp + "/proxy;",
          "  fastcgi_temp_path " + tmp + "/fastcgi;",
          "  uwsgi_temp_path " + tmp + "/uwsgi;",
          "  scgi_temp_path " + tmp + "/scgi;",
          "  server {",
          "    listen 127.0.0.1:" + port + ";",
          "    location /html/ { alias " + root + "/; autoindex on; }",
          "    location /json/ { alias " + root + "/; autoindex on; autoindex_format json; }",
          "  }",
          "}",
          ""));
      return new ProcessBuilder(NGINX.toString(), "-c", config.toString(), "-p",
          work.toString())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("nginx.out").toFile())
          .start();
    });
    return new NginxServer(server.process(), server.port(), work.resolve("access.log"));
  }


  public URI html() {
    return URI.create("http://127.0.0.1:" + port + "/html/");
  }

  public URI json() {
    return URI.create("http://127.0.0.1:" + port + "/json/");
  }

  public void stop() {
    ServerProcess.stop(process);
  }

  @Override
  public void close() {
    stop();
  }
}
