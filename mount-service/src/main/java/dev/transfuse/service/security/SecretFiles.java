package dev.transfuse.service.security;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Secrets kept as files readable by their owner only (0600), created on first use. */
final class SecretFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** Writes {@code content} to {@code file} with mode 0600 from the start (never readable by others). */
  static void writePrivate(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------")));
    Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The file's content, creating it with {@code initial} first if it does not exist. */
  static byte[] readOrCreate(Path file, byte[] initial) throws IOException {
    if (!Files.exists(file)) {
      try {
        writePrivate(file, initial);
      } catch (FileAlreadyExistsException raced) {
        // another process created it first: use theirs
      }
    }
    return Files.readAllBytes(file);
  }
}
