package dev.transfuse.translators.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a real server, to make the network misbehave on demand:
 * delay every client-to-server chunk (latency per request), {@link #freeze()} all traffic without
 * closing (a server that stops answering), or {@link #cut()} every connection (a server that
 * dies). Each connection gets its own pair of pump threads, so parallel connections stay parallel.
 */
public final class TcpRelay implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean frozen;
  private volatile boolean closed;

  private TcpRelay(ServerSocket listener, InetSocketAddress upstream) {
    this.listener = listener;
    this.upstream = upstream;
  }

  public static TcpRelay start(int upstreamPort) throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    TcpRelay relay = new TcpRelay(listener, new InetSocketAddress("127.0.0.1", upstreamPort));
    Thread accept = new Thread(relay::acceptLoop, "tcp-relay-accept");
    accept.setDaemon(true);
    accept.start();
    return relay;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Delay each chunk the client sends (one request, mostly) by {@code d}. */
  public void delayRequests(Duration d) {
    this.delay = d;
  }

  /** Stop forwarding in both directions, keeping every connection open. */
  public void freeze() {
    frozen = true;
  }

  /** Forward again after {@link #freeze}. */
  public void thaw() {
    frozen = false;
  }

  /** Close every relayed connection now; new ones are still accepted. */
  public void cut() {
    for (Socket s : sockets) {
      closeQuietly(s);
    }
    sockets.clear();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(upstream, 5000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        pump(client, server, true);
        pump(server, client, false);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to, boolean request) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          while (frozen && !closed) {
            Thread.sleep(20);
          }
          Duration d = delay;
          if (request && !d.isZero()) {
            Thread.sleep(d.toMillis());
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // One side closed or the relay was cut: close the other side too.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "tcp-relay-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    frozen = false;
    listener.close();
    cut();
  }
}
