package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code python3 -m http.server} as a child process on a free 127.0.0.1 port: index pages
 * without sizes or dates, no Range support. Killed by PID on close.
 */
public final class PythonHttpServer implements AutoCloseable {
  private final Process process;
  private final int port;

  private PythonHttpServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The interpreter: Debian's if present, else the first on PATH. */
  static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  public static boolean available() {
    try {
      Process p = new ProcessBuilder(python(), "-c", "import http.server").start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  public static PythonHttpServer start(Path root, Path log) throws IOException {
    ServerProcess server = ServerProcess.start("python http.server", log, java.time.Duration.ofSeconds(15), port -> {
      return new ProcessBuilder(python(), "-m", "http.server", String.valueOf(port),
          "--bind", "127.0.0.1", "--directory", root.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    });
    return new PythonHttpServer(server.process(), server.port());
  }


  public URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() {
    ServerProcess.stop(process);
  }
}
