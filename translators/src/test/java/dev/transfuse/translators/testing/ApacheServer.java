package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Debian's Apache httpd as a child process ({@code apache2 -X}: one process, foreground) with its
 * own config on a free 127.0.0.1 port, serving one directory through mod_autoindex three ways:
 * {@code /table/} (FancyIndexing HTMLTable), {@code /pre/} (FancyIndexing) and {@code /list/}
 * (plain list). Killed by PID on close. Apache refuses to serve as root, so it runs as
 * {@code daemon} and the served tree is made world-readable.
 */
public final class ApacheServer implements AutoCloseable {
  public static final Path APACHE = Path.of("/usr/sbin/apache2");
  private static final Path MODULES = Path.of("/usr/lib/apache2/modules");

  private final Process process;
  private final int port;

  private ApacheServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static boolean available() {
    return Files.isExecutable(APACHE) && Files.isDirectory(MODULES);
  }

  /**
   * @param root directory to serve, inside {@code work}
   * @param work this server's own directory (config, logs)
   */
  public static ApacheServer start(Path root, Path work) throws IOException {
    if (!root.startsWith(work)) {
      throw new IllegalArgumentException("root must be inside work: " + root);
    }
    // Only the directories made for this server, from root up to and including work (a temp
    // directory, 0700 when created); never work's parent, which is a shared /tmp.
    for (Path p = root; p.startsWith(work); p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createDirectories(work.resolve("logs"));
    ServerProcess server = ServerProcess.start("apache2", work.resolve("apache.out"), java.time.Duration.ofSeconds(15), port -> {
      Path config = work.resolve("httpd.conf");
      Files.writeString(config, String.join("\n",
          "ServerRoot \"" + work + "\"",
          "Listen 127.0.0.1:" + port,
          "ServerName 127.0.0.1",
          "PidFile " + work.resolve("httpd.pid"),
          "ErrorLog " + work.resolve("logs/error.log"),
          "LogLevel warn",
          module("mpm_event"), module("authz_core"), module("dir"), module("autoindex"),
          module("mime"), module("alias"),
          "TypesConfig /etc/mime.types",
          "User daemon",
          "Group daemon",
          "DocumentRoot \"" + root + "\"",
          "Alias /table/ \"" + root + "/\"",
          "Alias /pre/ \"" + root + "/\"",
          "Alias /list/ \"" + root + "/\"",
          "<Directory \"" + root + "\">",
          "  Options +Indexes",
          "  Require all granted",
          "</Directory>",
          "<Location /table/>",
          "  IndexOptions FancyIndexing HTMLTable",
          "</Location>",
          "<Location /pre/>",
          "  IndexOptions FancyIndexing",
          "</Location>",
          "<Location /list/>",
          "  IndexOptions -FancyIndexing",
          "</Location>",
          ""));
      return new ProcessBuilder(APACHE.toString(), "-X", "-f", config.toString())
          .redirectErrorStream(true).redirectOutput(work.resolve("apache.out").toFile())
          .start();
    });
    return new ApacheServer(server.process(), server.port());
  }

  private static String module(String name) {
    return "LoadModule " + name + "_module " + MODULES.resolve("mod_" + name + ".so");
  }


  /** The directory as a FancyIndexing HTMLTable page. */
  public URI table() {
    return URI.create("http://127.0.0.1:" + port + "/table/");
  }

  /** The directory as a FancyIndexing {@code <pre>} page. */
  public URI pre() {
    return URI.create("http://127.0.0.1:" + port + "/pre/");
  }

  /** The directory as a plain {@code <ul>} list. */
  public URI list() {
    return URI.create("http://127.0.0.1:" + port + "/list/");
  }

  @Override
  public void close() {
    ServerProcess.stop(process);
  }
}
