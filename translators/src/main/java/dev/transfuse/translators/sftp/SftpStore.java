package dev.transfuse.translators.sftp;

import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreCapabilities;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import dev.transfuse.translators.store.StorePath;
import dev.transfuse.translators.stream.RangeInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.CloseableHandle;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatExtensionInfo;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHStatPathExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.common.SftpConstants;

/**
 * An SFTP directory as a {@link Store}, on Apache MINA SSHD's SFTP client.
 *
 * <p>Built on MINA rather than Commons VFS's JSch-based provider; the measured reasons are in
 * this package's {@code package-info}.
 *
 * <p>Like the other stores this is the lock-free hot path; the VFS classes of this package serve
 * the same store to VFS users.
 */
public final class SftpStore implements Store {
  private static final StoreCapabilities CAPABILITIES =
      new StoreCapabilities(false, true, true, true);
  private static final int READ_BUFFER = 64 * 1024;
  private static final int S_IFMT = 0170000;

  private final SftpSettings settings;
  private final SftpChannels channels;
  private final SftpWrites writes;

  SftpStore(SftpSettings settings) throws StoreException {
    this.settings = settings;
    this.channels = new SftpChannels(new SftpConnector(settings), settings);
    this.writes = new SftpWrites(settings, channels);
    try {
      channels.connectNow();
      Optional<FileAttributes> root = stat("/");
      if (root.isEmpty() || !root.get().isDirectory()) {
        throw new StoreException(Kind.NOT_FOUND, settings.label() + ": root is not a directory");
      }
    } catch (StoreException e) {
      channels.close();
      throw e;
    }
  }

  private String where(String path) {
    return settings.label() + " " + path;
  }

  @Override
  public StoreCapabilities capabilities() {
    return CAPABILITIES;
  }

  static FileAttributes attributes(Attributes a) {
    FileType type = a.isDirectory() ? FileType.DIRECTORY
        : a.isSymbolicLink() ? FileType.SYMLINK : FileType.FILE;
    Instant modified = a.getModifyTime() == null ? Instant.EPOCH : a.getModifyTime().toInstant();
    long size = type == FileType.DIRECTORY ? 0 : Math.max(0, a.getSize());
    String token = modified.getEpochSecond() + "/" + size;
    return new FileAttributes(type, size, modified, token, a.getPermissions() & 07777);
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    StorePath.require(path);
    try {
      Attributes a = channels.idempotent(c -> c.stat(settings.remote(path)));
      if (a.getType() == SftpConstants.SSH_FILEXFER_TYPE_UNKNOWN
          && (a.getPermissions() & S_IFMT) == 0) {
        // MINA's server answers a stat below a regular file ("/file/x", ENOTDIR) with an
        // attribute block of zeros, no file type at all; every real entry has one.
        return Optional.empty();
      }
      return Optional.of(attributes(a));
    } catch (IOException e) {
      if (SftpErrors.isNotFound(e) || SftpErrors.kindOf(e) == Kind.NOT_A_DIRECTORY) {
        return Optional.empty();
      }
      throw SftpErrors.map(e, "stat " + where(path));
    }
  }

  /** One READDIR stream; symbolic links are followed with one extra stat each. */
  @Override
  public List<DirEntry> list(String dir) throws StoreException {
    StorePath.require(dir);
    List<SftpClient.DirEntry> raw;
    try {
      raw = channels.idempotent(c -> {
        List<SftpClient.DirEntry> all = new ArrayList<>();
        try {
          c.readDir(settings.remote(dir)).forEach(all::add);
        } catch (java.io.UncheckedIOException e) {
          // readDir's iterator fetches further READDIR batches lazily and throws unchecked.
          throw e.getCause();
        }
        return all;
      });
    } catch (IOException e) {
      throw listFailure(dir, e);
    }
    List<DirEntry> entries = new ArrayList<>(raw.size());
    for (SftpClient.DirEntry e : raw) {
      String name = e.getFilename();
      if (name.equals(".") || name.equals("..")) {
        continue;
      }
      FileAttributes a = attributes(e.getAttributes());
      if (a.type() == FileType.SYMLINK) {
        Optional<FileAttributes> target = stat(StorePath.child(dir, name));
        if (target.isEmpty()) {
          continue; // dangling link: nothing a reader could open
        }
        a = target.get();
      }
      entries.add(new DirEntry(name, a));
    }
    return entries;
  }

  private StoreException listFailure(String dir, IOException e) throws StoreException {
    if (SftpErrors.isNotFound(e) || SftpErrors.isFailure(e)
        || SftpErrors.kindOf(e) == Kind.NOT_A_DIRECTORY) {
      Optional<FileAttributes> a = stat(dir);
      if (a.isEmpty()) {
        return new StoreException(Kind.NOT_FOUND, "list " + where(dir) + ": no such directory", e);
      }
      if (!a.get().isDirectory()) {
        return new StoreException(Kind.NOT_A_DIRECTORY, "list " + where(dir) + ": is a file", e);
      }
    }
    return SftpErrors.map(e, "list " + where(dir));
  }

  @Override
  public InputStream read(String path, long offset, long length) throws StoreException {
    StorePath.require(path);
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must be >= 0");
    }
    if (length == 0) {
      return RangeInputStream.empty();
    }
    String remote = settings.remote(path);
    SftpClient[] used = new SftpClient[1];
    try {
      CloseableHandle handle = channels.idempotent(c -> {
        used[0] = c;
        return c.open(remote, EnumSet.of(OpenMode.Read));
      });
      SftpClient sftp = used[0];
      long end = offset + length < 0 ? Long.MAX_VALUE : offset + length;
      // Pipelined: keeps several READ requests in flight from `offset`, none at or past `end`.
      int chunk = (int) Math.min(READ_BUFFER, Math.max(length, 8 * 1024));
      InputStream in = new SftpRangeStream(
          (AbstractSftpClient) sftp, chunk, offset, end, remote, handle);
      return new RangeInputStream(in, where(path), offset, length, in::close);
    } catch (IOException e) {
      if (SftpErrors.isFailure(e) && stat(path).map(FileAttributes::isDirectory).orElse(false)) {
        throw new StoreException(Kind.IS_A_DIRECTORY, "read " + where(path) + ": directory", e);
      }
      throw SftpErrors.map(e, "read " + where(path));
    }
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    StorePath.require(path);
    writes.upload(path, staged);
    return stat(path).orElseThrow(() -> new StoreException(
        Kind.IO, "upload " + where(path) + ": file missing right after upload"));
  }

  @Override
  public void mkdir(String path) throws StoreException {
    StorePath.require(path);
    try {
      channels.channel().mkdir(settings.remote(path));
    } catch (IOException e) {
      if (SftpErrors.isFailure(e) || SftpErrors.isNotFound(e)) {
        if (stat(path).isPresent()) {
          throw new StoreException(Kind.ALREADY_EXISTS, "mkdir " + where(path) + ": exists", e);
        }
        if (stat(StorePath.parent(path)).isEmpty()) {
          throw new StoreException(Kind.NOT_FOUND, "mkdir " + where(path) + ": no parent", e);
        }
      }
      throw SftpErrors.map(e, "mkdir " + where(path));
    }
  }

  @Override
  public void delete(String path) throws StoreException {
    StorePath.require(path);
    if (StorePath.isRoot(path)) {
      throw new StoreException(Kind.UNSUPPORTED, "delete of the root of " + settings.label());
    }
    FileAttributes a = stat(path).orElseThrow(
        () -> new StoreException(Kind.NOT_FOUND, "delete " + where(path) + ": no such entry"));
    SftpClient sftp = channels.channel();
    try {
      if (a.isDirectory()) {
        sftp.rmdir(settings.remote(path));
      } else {
        sftp.remove(settings.remote(path));
      }
    } catch (IOException e) {
      if (a.isDirectory() && SftpErrors.isFailure(e) && !list(path).isEmpty()) {
        throw new StoreException(Kind.NOT_EMPTY, "delete " + where(path) + ": not empty", e);
      }
      throw SftpErrors.map(e, "delete " + where(path));
    }
  }

  @Override
  public void rename(String from, String to) throws StoreException {
    StorePath.require(from);
    StorePath.require(to);
    if (stat(from).isEmpty()) {
      throw new StoreException(Kind.NOT_FOUND, "rename " + where(from) + ": no such entry");
    }
    writes.replace(settings.remote(from), settings.remote(to), "rename " + where(from) + " to " + to);
  }

  @Override
  public void write(String path, long offset, ByteBuffer data) throws StoreException {
    StorePath.require(path);
    writes.write(path, offset, data);
  }

  @Override
  public void truncate(String path, long size) throws StoreException {
    StorePath.require(path);
    writes.truncate(path, size);
  }

  /** statvfs@openssh.com where the server has it (OpenSSH does); empty otherwise. */
  @Override
  public Optional<SpaceInfo> space() throws StoreException {
    try {
      OpenSSHStatExtensionInfo info = channels.idempotent(c -> {
        OpenSSHStatPathExtension ext = c.getExtension(OpenSSHStatPathExtension.class);
        return ext == null || !ext.isSupported() ? null : ext.stat(settings.root());
      });
      if (info == null) {
        return Optional.empty();
      }
      return Optional.of(new SpaceInfo(info.f_blocks * info.f_frsize,
          info.f_bavail * info.f_frsize));
    } catch (IOException e) {
      throw SftpErrors.map(e, "statvfs " + settings.label());
    }
  }

  @Override
  public void close() {
    channels.close();
  }

  @Override
  public String toString() {
    return "SftpStore[" + settings.label() + "]";
  }
}
