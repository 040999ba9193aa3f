package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StorePath;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;

/**
 * The write side of {@link SftpStore}: whole-file uploads that readers never see half-written
 * (a temporary name in the same directory, then an atomic rename over the target), and in-place
 * writes and truncation through open handles.
 */
final class SftpWrites {
  private static final int WRITE_BUFFER = 64 * 1024;

  private final SftpSettings settings;
  private final SftpChannels channels;

  SftpWrites(SftpSettings settings, SftpChannels channels) {
    this.settings = settings;
    this.channels = channels;
  }

  void upload(String path, Path staged) throws StoreException {
    if (StorePath.isRoot(path)) {
      throw new StoreException(Kind.UNSUPPORTED, "upload to the root of " + settings.label());
    }
    String target = settings.remote(path);
    String temp = settings.remote(StorePath.parent(path)).replaceAll("/$", "") + "/."
        + StorePath.name(path) + "." + UUID.randomUUID() + ".part";
    SftpClient sftp = channels.channel();
    String what = "upload " + settings.label() + " " + path;
    try {
      // SftpClient.write pipelines WRITE requests (SftpOutputStreamAsync) instead of waiting for
      // each acknowledgement.
      try (OutputStream out = sftp.write(temp, WRITE_BUFFER,
          OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
        Files.copy(staged, out);
      }
      replace(temp, target, what);
    } catch (IOException e) {
      removeQuietly(sftp, temp);
      throw SftpErrors.map(e, what);
    }
  }

  /**
   * Renames {@code from} over {@code to}. SFTP v3's RENAME refuses an existing target, so this
   * uses OpenSSH's posix-rename extension (atomic, replaces) where the server has it, and
   * otherwise removes the target first (not atomic; only servers without the extension).
   */
  void replace(String from, String to, String what) throws StoreException {
    SftpClient sftp = channels.channel();
    try {
      OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
      if (posix != null && posix.isSupported()) {
        posix.posixRename(from, to);
        return;
      }
      try {
        sftp.rename(from, to);
      } catch (IOException e) {
        if (!SftpErrors.isFailure(e)) {
          throw e;
        }
        Attributes existing = sftp.stat(to);
        if (existing.isDirectory()) {
          sftp.rmdir(to);
        } else {
          sftp.remove(to);
        }
        sftp.rename(from, to);
      }
    } catch (IOException e) {
      throw SftpErrors.map(e, what);
    }
  }

  void write(String path, long offset, ByteBuffer data) throws StoreException {
    SftpClient sftp = channels.channel();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    try (CloseableHandle h = sftp.open(settings.remote(path), EnumSet.of(OpenMode.Write))) {
      int at = 0;
      while (at < bytes.length) {
        int n = Math.min(WRITE_BUFFER, bytes.length - at);
        sftp.write(h, offset + at, bytes, at, n);
        at += n;
      }
    } catch (IOException e) {
      throw SftpErrors.map(e, "write " + settings.label() + " " + path);
    }
  }

  void truncate(String path, long size) throws StoreException {
    Attributes a = new Attributes();
    a.setSize(size);
    try {
      channels.channel().setStat(settings.remote(path), a);
    } catch (IOException e) {
      throw SftpErrors.map(e, "truncate " + settings.label() + " " + path);
    }
  }

  private static void removeQuietly(SftpClient sftp, String remote) {
    try {
      sftp.remove(remote);
    } catch (IOException ignored) {
      // Best effort: the upload already failed, and a leftover ".part" file is harmless.
    }
  }
}
