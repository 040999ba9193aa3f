package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's lighttpd as a child process with its own config on a free 127.0.0.1 port, serving one
 * directory with mod_dirlisting (rounded sizes like "4.9K", dates like "2026-Nov-24 06:58:03").
 * Foreground ({@code -D}), killed by PID on close.
 */
public final class LighttpdServer implements AutoCloseable {
  public static final Path LIGHTTPD = Path.of("/usr/sbin/lighttpd");

  private final Process process;
  private final int port;

  private LighttpdServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static boolean available() {
    return Files.isExecutable(LIGHTTPD);
  }

  public static LighttpdServer start(Path root, Path work) throws IOException {
    ServerProcess server = ServerProcess.start("lighttpd", work.resolve("lighttpd.out"), java.time.Duration.ofSeconds(10), port -> {
      Path config = work.resolve("lighttpd.conf");
      Files.writeString(config, String.join("\n",
          "server.document-root = \"" + root + "\"",
          "server.bind = \"127.0.0.1\"",
          "server.port = " + port,
          "server.errorlog = \"" + work.resolve("error.log") + "\"",
          "server.modules = ( \"mod_dirlisting\" )",
          "dir-listing.activate = \"enable\"",
          "mimetype.assign = ( \"\" => \"application/octet-stream\" )",
          ""));
      return new ProcessBuilder(LIGHTTPD.toString(), "-D", "-f", config.toString())
          .redirectErrorStream(true).redirectOutput(work.resolve("lighttpd.out").toFile())
          .start();
    });
    return new LighttpdServer(server.process(), server.port());
  }


  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() {
    ServerProcess.stop(process);
  }
}
