package dev.transfuse.translators.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

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
}
