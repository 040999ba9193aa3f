package dev.transfuse.translators.s3;

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
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket (or a prefix of one) as a {@link Store}, on AWS SDK v2 calls only: directories are
 * common prefixes and "dir/" marker objects, so empty directories exist once mkdir wrote their
 * marker.
 *
 * <p>This is the hot path the cache and the FUSE bridge call. It talks to the SDK client the VFS
 * {@link S3FileSystem} owns, bypassing {@code AbstractFileObject}: that class runs {@code
 * doGetType()} and {@code doListChildren()} inside {@code synchronized (fileSystem)}, so with the
 * VFS files cache off (as ours is) every stat and every open would queue behind the one lock while
 * a HEAD is on the wire. Here nothing is locked, and 8 ranged reads run as 8 requests at once
 * ({@code ParallelReadTest}, 300 ms per request: 0.32 s through this store, 2.8 s for stat+read
 * through the VFS API). The SDK client is thread-safe and pools connections.
 */
public final class S3Store implements Store {
  private static final StoreCapabilities CAPABILITIES =
      new StoreCapabilities(false, false, false, true);

  private final S3Client client;
  private final S3Settings settings;
  private final S3Upload uploads;
  private final S3Tree tree;

  S3Store(S3Client client, S3Settings settings) {
    this.client = client;
    this.settings = settings;
    this.uploads = new S3Upload(client, settings);
    this.tree = new S3Tree(client, settings.bucket());
  }

  @Override
  public StoreCapabilities capabilities() {
    return CAPABILITIES;
  }

  String key(String path) {
    return settings.prefix() + StorePath.relative(path);
  }

  /** The prefix under which the children of {@code dir} live ("" for a bucket root). */
  String dirPrefix(String dir) {
    return StorePath.isRoot(dir) ? settings.prefix() : key(dir) + "/";
  }

  private String where(String path) {
    return settings.label() + " " + path;
  }

  /**
   * One ListObjectsV2 of at most one key, so a mount fails at once (not on the first ls) with a
   * missing bucket, refused credentials or an unreachable endpoint.
   */
  public void probe() throws StoreException {
    listPage(settings.prefix(), null, 1, "/");
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    StorePath.require(path);
    if (StorePath.isRoot(path)) {
      return Optional.of(FileAttributes.directory(Instant.EPOCH));
    }
    Optional<FileAttributes> file = head(path);
    if (file.isPresent()) {
      return file;
    }
    // No object under the key itself: it is a directory if anything (its marker included) lives
    // under "key/". One ListObjectsV2 with max-keys 1 answers that.
    ListObjectsV2Response page = listPage(dirPrefix(path), null, 1, path);
    boolean any = page.keyCount() != null && page.keyCount() > 0
        || !page.contents().isEmpty() || !page.commonPrefixes().isEmpty();
    return any ? Optional.of(FileAttributes.directory(Instant.EPOCH)) : Optional.empty();
  }

  private Optional<FileAttributes> head(String path) throws StoreException {
    try {
      HeadObjectResponse r = client.headObject(b -> b.bucket(settings.bucket()).key(key(path)));
      return Optional.of(fileAttributes(r.contentLength(), r.lastModified(), r.eTag()));
    } catch (S3Exception e) {
      if (S3Errors.kindOf(e) == Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw S3Errors.map(e, "stat " + where(path));
    } catch (SdkException e) {
      throw S3Errors.map(e, "stat " + where(path));
    }
  }

  static FileAttributes fileAttributes(Long size, Instant modified, String eTag) {
    return new FileAttributes(
        FileType.FILE,
        size == null ? 0 : size,
        modified == null ? Instant.EPOCH : modified,
        eTag == null ? "" : eTag,
        -1);
  }

  ListObjectsV2Response listPage(String prefix, String token, int max, String path)
      throws StoreException {
    try {
      return client.listObjectsV2(
          b -> b.bucket(settings.bucket()).prefix(prefix).delimiter("/").maxKeys(max)
              .continuationToken(token));
    } catch (SdkException e) {
      throw S3Errors.map(e, "list " + where(path));
    }
  }

  @Override
  public List<DirEntry> list(String dir) throws StoreException {
    StorePath.require(dir);
    S3Listing listing = S3Listing.collect(this, dirPrefix(dir), dir);
    if (listing.entries().isEmpty() && !listing.marker() && !StorePath.isRoot(dir)) {
      if (head(dir).isPresent()) {
        throw new StoreException(Kind.NOT_A_DIRECTORY, "list " + where(dir) + ": is a file");
      }
      throw new StoreException(Kind.NOT_FOUND, "list " + where(dir) + ": no such directory");
    }
    return listing.entries();
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
    long last = offset + length - 1 < 0 ? Long.MAX_VALUE : offset + length - 1;
    try {
      ResponseInputStream<GetObjectResponse> in = client.getObject(
          b -> b.bucket(settings.bucket()).key(key(path)).range("bytes=" + offset + "-" + last));
      return new RangeInputStream(in, where(path), offset, length, in::abort);
    } catch (S3Exception e) {
      if (e.statusCode() == 416) {
        return RangeInputStream.empty(); // offset at or past the end: an empty read, like pread
      }
      throw S3Errors.map(e, "read " + where(path));
    } catch (SdkException e) {
      throw S3Errors.map(e, "read " + where(path));
    }
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    StorePath.require(path);
    requireNotRoot(path, "upload");
    uploads.upload(key(path), staged, where(path));
    return head(path).orElseThrow(() -> new StoreException(
        Kind.IO, "upload " + where(path) + ": object missing right after upload"));
  }

  @Override
  public void mkdir(String path) throws StoreException {
    StorePath.require(path);
    requireNotRoot(path, "mkdir");
    if (stat(path).isPresent()) {
      throw new StoreException(Kind.ALREADY_EXISTS, "mkdir " + where(path) + ": exists");
    }
    requireDirectory(StorePath.parent(path), "mkdir " + where(path));
    try {
      client.putObject(b -> b.bucket(settings.bucket()).key(key(path) + "/"), RequestBody.empty());
    } catch (SdkException e) {
      throw S3Errors.map(e, "mkdir " + where(path));
    }
  }

  @Override
  public void delete(String path) throws StoreException {
    StorePath.require(path);
    requireNotRoot(path, "delete");
    FileAttributes attrs = stat(path).orElseThrow(
        () -> new StoreException(Kind.NOT_FOUND, "delete " + where(path) + ": no such entry"));
    String target = key(path);
    if (attrs.isDirectory()) {
      if (!list(path).isEmpty()) {
        throw new StoreException(Kind.NOT_EMPTY, "delete " + where(path) + ": not empty");
      }
      target = target + "/";
    }
    String doomed = target;
    try {
      client.deleteObject(b -> b.bucket(settings.bucket()).key(doomed));
    } catch (SdkException e) {
      throw S3Errors.map(e, "delete " + where(path));
    }
  }

  /**
   * CopyObject then DeleteObject(s): not atomic. A reader can see both names for a moment, and a
   * crash in between leaves both; {@link StoreCapabilities#atomicRename()} is false to say so.
   */
  @Override
  public void rename(String from, String to) throws StoreException {
    StorePath.require(from);
    StorePath.require(to);
    requireNotRoot(from, "rename");
    requireNotRoot(to, "rename");
    if (to.startsWith(from + "/")) {
      throw new IllegalArgumentException("cannot move " + from + " into itself (" + to + ")");
    }
    if (from.equals(to)) {
      if (stat(from).isEmpty()) {
        throw new StoreException(Kind.NOT_FOUND, "rename " + where(from) + ": no such entry");
      }
      return; // POSIX: renaming a name to itself changes nothing (a self-copy would fail on S3)
    }
    FileAttributes source = stat(from).orElseThrow(
        () -> new StoreException(Kind.NOT_FOUND, "rename " + where(from) + ": no such entry"));
    requireDirectory(StorePath.parent(to), "rename to " + where(to));
    Optional<FileAttributes> target = stat(to);
    String what = "rename " + where(from) + " to " + to;
    if (source.isDirectory()) {
      if (target.isPresent() && !target.get().isDirectory()) {
        throw new StoreException(Kind.NOT_A_DIRECTORY, what + ": target is a file");
      }
      if (target.isPresent() && !list(to).isEmpty()) {
        throw new StoreException(Kind.NOT_EMPTY, what + ": target directory not empty");
      }
      tree.moveAll(key(from) + "/", key(to) + "/", what);
    } else {
      if (target.isPresent() && target.get().isDirectory()) {
        throw new StoreException(Kind.IS_A_DIRECTORY, what + ": target is a directory");
      }
      tree.moveOne(key(from), key(to), source.size(), what);
    }
  }

  @Override
  public Optional<SpaceInfo> space() {
    return Optional.empty(); // S3 has no capacity
  }

  @Override
  public void close() {
    uploads.close();
    client.close();
  }

  private void requireDirectory(String dir, String what) throws StoreException {
    Optional<FileAttributes> parent = stat(dir);
    if (parent.isEmpty()) {
      throw new StoreException(Kind.NOT_FOUND, what + ": parent directory missing");
    }
    if (!parent.get().isDirectory()) {
      throw new StoreException(Kind.NOT_A_DIRECTORY, what + ": parent is a file");
    }
  }

  private void requireNotRoot(String path, String op) throws StoreException {
    if (StorePath.isRoot(path)) {
      throw new StoreException(Kind.UNSUPPORTED, op + " of the root of " + settings.label());
    }
  }

  @Override
  public String toString() {
    return "S3Store[" + settings.label() + "]";
  }
}
