package dev.transfuse.translators.file;

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
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local directory as a {@link Store}, for tests and the demo. It uses java.nio directly rather
 * than Commons VFS's local provider: that provider adds nothing a local path lacks, and its
 * FileObject would put every stat under the file system lock. Symbolic links are followed.
 */
public final class LocalStore implements Store {
  private static final StoreCapabilities CAPABILITIES =
      new StoreCapabilities(false, true, true, true);

  private final Path root;

  public LocalStore(Path root) throws StoreException {
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw new StoreException(Kind.NOT_FOUND, "file store root is not a directory: " + root);
    }
  }

  Path resolve(String path) {
    StorePath.require(path);
    return StorePath.isRoot(path) ? root : root.resolve(StorePath.relative(path));
  }

  @Override
  public StoreCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    Path p = resolve(path);
    try {
      return Optional.of(attributes(Files.readAttributes(p, PosixFileAttributes.class)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (java.nio.file.FileSystemException e) {
      if ("Not a directory".equals(e.getReason())) {
        return Optional.empty(); // a path below a file names nothing
      }
      throw LocalErrors.map(e, "stat " + path);
    } catch (IOException e) {
      throw LocalErrors.map(e, "stat " + path);
    }
  }

  static FileAttributes attributes(PosixFileAttributes a) {
    FileType type = a.isDirectory() ? FileType.DIRECTORY
        : a.isSymbolicLink() ? FileType.SYMLINK : FileType.FILE;
    long size = a.isDirectory() ? 0 : a.size();
    String token = a.lastModifiedTime().toInstant().toString() + "/" + size;
    return new FileAttributes(type, size, a.lastModifiedTime().toInstant(), token,
        permissionBits(a));
  }

  private static int permissionBits(PosixFileAttributes a) {
    int bits = 0;
    for (PosixFilePermission p : a.permissions()) {
      bits |= 1 << (8 - p.ordinal());
    }
    return bits;
  }

  @Override
  public List<DirEntry> list(String dir) throws StoreException {
    Path p = resolve(dir);
    List<DirEntry> entries = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(p)) {
      for (Path child : children) {
        try {
          entries.add(new DirEntry(child.getFileName().toString(),
              attributes(Files.readAttributes(child, PosixFileAttributes.class))));
        } catch (NoSuchFileException gone) {
          // Deleted (or a dangling link) between readdir and stat: not part of the listing.
        }
      }
      return entries;
    } catch (NotDirectoryException e) {
      throw new StoreException(Kind.NOT_A_DIRECTORY, "list " + dir + ": is a file", e);
    } catch (IOException e) {
      throw LocalErrors.map(e, "list " + dir);
    }
  }

  @Override
  public InputStream read(String path, long offset, long length) throws StoreException {
    Path p = resolve(path);
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must be >= 0");
    }
    try {
      if (Files.isDirectory(p)) {
        throw new StoreException(Kind.IS_A_DIRECTORY, "read " + path + ": is a directory");
      }
      FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
      ch.position(offset);
      return new RangeInputStream(Channels.newInputStream(ch), "file " + path, offset, length,
          ch::close);
    } catch (IOException e) {
      throw LocalErrors.map(e, "read " + path);
    }
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    Path target = resolve(path);
    try {
      // Copy next to the target, then rename over it: readers see the old or the new file.
      Path temp = Files.createTempFile(target.getParent(), ".transfuse-", ".part");
      try {
        Files.copy(staged, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return stat(path).orElseThrow();
    } catch (IOException e) {
      throw LocalErrors.map(e, "upload " + path);
    }
  }

  @Override
  public void mkdir(String path) throws StoreException {
    try {
      Files.createDirectory(resolve(path));
    } catch (IOException e) {
      throw LocalErrors.map(e, "mkdir " + path);
    }
  }

  @Override
  public void delete(String path) throws StoreException {
    if (StorePath.isRoot(path)) {
      throw new StoreException(Kind.UNSUPPORTED, "delete of the store root");
    }
    try {
      Files.delete(resolve(path));
    } catch (IOException e) {
      throw LocalErrors.map(e, "delete " + path);
    }
  }

  @Override
  public void rename(String from, String to) throws StoreException {
    try {
      Path source = resolve(from);
      Path target = resolve(to);
      if (Files.isDirectory(target) && !Files.isDirectory(source)) {
        throw new StoreException(Kind.IS_A_DIRECTORY, "rename " + from + " to " + to
            + ": target is a directory");
      }
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LocalErrors.map(e, "rename " + from + " to " + to);
    }
  }

  @Override
  public void write(String path, long offset, ByteBuffer data) throws StoreException {
    try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.WRITE)) {
      long at = offset;
      while (data.hasRemaining()) {
        at += ch.write(data, at);
      }
    } catch (IOException e) {
      throw LocalErrors.map(e, "write " + path);
    }
  }

  @Override
  public void truncate(String path, long size) throws StoreException {
    try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.WRITE)) {
      if (size < ch.size()) {
        ch.truncate(size);
      } else if (size > ch.size()) {
        ch.write(ByteBuffer.allocate(1), size - 1);
      }
    } catch (IOException e) {
      throw LocalErrors.map(e, "truncate " + path);
    }
  }

  @Override
  public Optional<SpaceInfo> space() throws StoreException {
    try {
      FileStore fs = Files.getFileStore(root);
      return Optional.of(new SpaceInfo(fs.getTotalSpace(), fs.getUsableSpace()));
    } catch (IOException e) {
      throw LocalErrors.map(e, "statfs");
    }
  }

  @Override
  public void close() {
    // Nothing to release: every call opens and closes its own channel.
  }

  @Override
  public String toString() {
    return "LocalStore[" + root + "]";
  }
}
