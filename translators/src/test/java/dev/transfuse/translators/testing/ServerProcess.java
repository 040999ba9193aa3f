package dev.transfuse.translators.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A server run as a child process on a port picked by {@link FreePort}. Another process can take
 * the port between the pick and the server's bind, so starting tries up to five ports.
 *
 * @param process the running server
 * @param port where it listens on 127.0.0.1
 */
public record ServerProcess(Process process, int port) {
  private static final int ATTEMPTS = 5;

  /** Starts the server's process for a given port. */
  @FunctionalInterface
  public interface Launch {
    Process start(int port) throws IOException;
  }

  /**
   * Launches on a free port until the server listens within {@code timeout}; fails with the last
   * attempt's {@code output} (the file the process writes its messages to).
   */
  public static ServerProcess start(String name, Path output, Duration timeout, Launch launch)
      throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = FreePort.pick();
      Process p = launch.start(port);
      if (FreePort.awaitListening(port, p, timeout)) {
        return new ServerProcess(p, port);
      }
      stop(p);
      last = new IOException(name + " did not start on " + port + ": "
          + (Files.exists(output) ? Files.readString(output) : "(no output)"));
    }
    throw last;
  }

  /** Kills the process and waits (up to 10 s) until it is gone. */
  public static void stop(Process p) {
    p.destroyForcibly();
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
