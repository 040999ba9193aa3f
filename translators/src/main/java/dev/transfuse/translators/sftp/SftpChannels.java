package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StoreException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out SFTP channels of the current connection, reconnecting when it died. No lock is held
 * while connecting: the first caller to find the connection dead installs a new future and
 * connects; the others wait on that future (with the connect timeout), not on a monitor.
 */
final class SftpChannels implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SftpChannels.class);

  private final SftpConnector connector;
  private final SftpSettings settings;
  private final AtomicReference<CompletableFuture<SftpConnection>> current =
      new AtomicReference<>();
  private volatile boolean closed;

  SftpChannels(SftpConnector connector, SftpSettings settings) {
    this.connector = connector;
    this.settings = settings;
  }

  /** Connects now, so a bad host key or password fails when the store is opened. */
  void connectNow() throws StoreException {
    channel();
  }

  /** One SFTP exchange on a channel. */
  @FunctionalInterface
  interface SftpCall<T> {
    T apply(SftpClient channel) throws IOException;
  }

  /**
   * Runs an idempotent call (stat, readdir, open for reading, statvfs), retrying it up to twice,
   * after 100 and 400 ms, when the connection was lost under it. A status reply from the server
   * (an {@link SftpException}) is an answer, not a failure to retry; neither is a timeout, since
   * a server that stopped answering would only make the caller wait three times as long.
   */
  <T> T idempotent(SftpCall<T> call) throws IOException {
    for (int attempt = 0; ; attempt++) {
      SftpConnection connection = connection();
      SftpClient channel = connection.channel();
      try {
        return call.apply(channel);
      } catch (IOException e) {
        if (e instanceof SftpException || e instanceof StoreException || attempt >= 2
            || !connectionLost(e, channel)) {
          throw e;
        }
        LOG.info("{}: SFTP connection lost ({}), reconnecting, attempt {}", settings.label(),
            e.toString(), attempt + 2);
        // MINA may still report the channel open while the failed write is being processed;
        // closing the connection here makes the next attempt reconnect instead of reusing it.
        connection.close();
        try {
          Thread.sleep(100L << (2 * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean connectionLost(IOException e, SftpClient channel) {
    if (!channel.isOpen()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClosedChannelException || t instanceof EOFException
          || t instanceof SocketException) {
        return true;
      }
    }
    return false;
  }

  SftpClient channel() throws StoreException {
    return connection().channel();
  }

  private SftpConnection connection() throws StoreException {
    if (closed) {
      throw new StoreException(Kind.IO, settings.label() + ": store is closed");
    }
    CompletableFuture<SftpConnection> f = current.get();
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      SftpConnection c = f.join();
      if (c.isOpen()) {
        return c;
      }
    }
    return reconnect(f);
  }

  private SftpConnection reconnect(CompletableFuture<SftpConnection> seen) throws StoreException {
    CompletableFuture<SftpConnection> mine = new CompletableFuture<>();
    CompletableFuture<SftpConnection> winner;
    boolean seenUsable = seen != null && !seen.isDone();
    if (!seenUsable && current.compareAndSet(seen, mine)) {
      if (seen != null && seen.isDone() && !seen.isCompletedExceptionally()) {
        seen.join().close();
      }
      try {
        mine.complete(connector.connect());
      } catch (StoreException | RuntimeException e) {
        mine.completeExceptionally(e);
      }
      winner = mine;
    } else {
      winner = current.get();
    }
    try {
      return winner.get(settings.connectTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(Kind.IO, settings.label() + ": interrupted while connecting", e);
    } catch (TimeoutException e) {
      throw new StoreException(Kind.UNAVAILABLE, settings.label() + ": connect timed out", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StoreException) {
        StoreException s = (StoreException) e.getCause();
        throw new StoreException(s.kind(), s.getMessage(), s);
      }
      throw new StoreException(Kind.IO, settings.label() + ": " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    closed = true;
    CompletableFuture<SftpConnection> f = current.getAndSet(null);
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      f.join().close();
    }
    connector.close();
  }
}
