package dev.transfuse.translators.sftp;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;

/**
 * One SSH session and its SFTP channels. MINA's SftpClient matches replies to requests by id, so
 * many threads can share a channel; several channels still help because each has its own flow
 * control window, so one large pipelined read cannot starve a stat on another channel.
 */
final class SftpConnection implements AutoCloseable {
  private final ClientSession session;
  private final List<SftpClient> channels;
  private final AtomicInteger next = new AtomicInteger();

  SftpConnection(ClientSession session, List<SftpClient> channels) {
    this.session = session;
    this.channels = List.copyOf(channels);
  }

  /** The next channel, round robin. */
  SftpClient channel() {
    return channels.get(Math.floorMod(next.getAndIncrement(), channels.size()));
  }

  boolean isOpen() {
    if (!session.isOpen()) {
      return false;
    }
    for (SftpClient c : channels) {
      if (!c.isOpen()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    for (SftpClient c : channels) {
      try {
        c.close();
      } catch (IOException ignored) {
        // The session goes next; a channel that fails to close is gone with it.
      }
    }
    session.close(true);
  }
}
