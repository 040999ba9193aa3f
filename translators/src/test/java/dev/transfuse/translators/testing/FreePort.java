package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A currently free port on 127.0.0.1, for servers that cannot bind port 0 and report it back
 * (nginx, OpenSSH). There is a window in which another process could take it; callers that start
 * such a server retry on a bind failure.
 */
public final class FreePort {
  private FreePort() {}

  public static int pick() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  /**
   * Waits until something accepts connections on 127.0.0.1:{@code port}, for at most {@code
   * timeout} and only while {@code server} is alive: true when it listens.
   */
  public static boolean awaitListening(int port, Process server, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && server.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}
