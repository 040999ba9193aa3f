package dev.transfuse.translators.store;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One remote (or local) store seen as a tree of paths: the only API that the cache and the FUSE
 * bridge call. Paths are absolute within the store's root ("/" is the root, no trailing slash,
 * segments never "." or ".."), so a mount of {@code s3://bucket/prefix} sees {@code /a/b} for the
 * key {@code prefix/a/b}.
 *
 * <p>Implementations are thread-safe, hold no lock across network I/O, give every remote call a
 * timeout, and cache nothing (caching is the {@code cache} module's job). Failures are {@link
 * StoreException}s whose {@link StoreException#kind()} says what went wrong; "not found" is never
 * guessed from another failure.
 */
public interface Store extends AutoCloseable {

  /** What this store can do, so callers never have to try and see. */
  StoreCapabilities capabilities();

  /** Attributes of {@code path}, or empty when nothing exists there. */
  Optional<FileAttributes> stat(String path) throws StoreException;

  /**
   * The entries of directory {@code dir} with their attributes, in as few remote calls as the
   * store allows (one listing page per 1,000 S3 keys, one SFTP readdir, one index page).
   *
   * @throws StoreException of kind {@link StoreException.Kind#NOT_FOUND} if {@code dir} does not
   *     exist, {@link StoreException.Kind#NOT_A_DIRECTORY} if it is a file
   */
  List<DirEntry> list(String dir) throws StoreException;

  /**
   * Streams {@code length} bytes of {@code path} from {@code offset} (fewer at end of file). The
   * stream is lazy and ranged on the wire; closing it early cancels the transfer.
   */
  InputStream read(String path, long offset, long length) throws StoreException;

  /**
   * Replaces (or creates) {@code path} with the content of a staged local file, as one upload
   * (multipart above the store's threshold). Returns the attributes the store now reports.
   */
  FileAttributes upload(String path, Path staged) throws StoreException;

  /** Creates directory {@code path}; its parent must exist. */
  void mkdir(String path) throws StoreException;

  /** Deletes a file, or an empty directory. */
  void delete(String path) throws StoreException;

  /**
   * Renames {@code from} to {@code to}, replacing a file at {@code to}. Atomic only where {@link
   * StoreCapabilities#atomicRename()} says so (S3 copies, then deletes).
   */
  void rename(String from, String to) throws StoreException;

  /**
   * Writes the remaining bytes of {@code data} into the existing file {@code path} at {@code
   * offset}, in place, extending the file if needed. Only stores whose {@link
   * StoreCapabilities#randomWrite()} is true (SFTP, file) implement it; the others throw {@link
   * StoreException.Kind#UNSUPPORTED} and callers stage the whole file for {@link #upload}.
   */
  default void write(String path, long offset, ByteBuffer data) throws StoreException {
    throw new StoreException(
        StoreException.Kind.UNSUPPORTED, "in-place writes are not supported: " + path);
  }

  /**
   * Cuts or extends the existing file {@code path} to {@code size} bytes, in place. Same support
   * rule as {@link #write}.
   */
  default void truncate(String path, long size) throws StoreException {
    throw new StoreException(
        StoreException.Kind.UNSUPPORTED, "in-place truncate is not supported: " + path);
  }

  /** Capacity totals where the store knows them. */
  Optional<SpaceInfo> space() throws StoreException;

  /** Releases connections and threads; idempotent. */
  @Override
  void close();
}
