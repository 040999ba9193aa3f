package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.sftp.client.SftpClient;

/**
 * Hands out SFTP channels of the current connection, reconnecting when it died. No lock is held
 * while connecting: the first caller to find the connection dead installs a new future and
 * connects; the others wait on that future (with the connect timeout), not on a monitor.
 */
final class SftpChannels implements AutoCloseable {
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

  SftpClient channel() throws StoreException {
    if (closed) {
      throw new StoreException(Kind.IO, settings.label() + ": store is closed");
    }
    CompletableFuture<SftpConnection> f = current.get();
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      SftpConnection c = f.join();
      if (c.isOpen()) {
        return c.channel();
      }
    }
    return reconnect(f).channel();
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
