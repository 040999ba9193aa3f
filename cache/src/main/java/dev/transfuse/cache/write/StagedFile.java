package dev.transfuse.cache.write;

import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One file being written: its local copy, how many handles have it open, and which of its
 * contents the store has confirmed.
 *
 * <p>Every change bumps {@link #generation()}. An upload remembers the generation it started
 * from; the file is clean only if no change came after that. Writes may continue during an upload
 * (no lock is held across it): the store may then briefly hold a mix, and the newer generation is
 * uploaded by the next flush or retry.
 */
public final class StagedFile {
  /** Prefix of the change token of staged content, which no store hands out. */
  public static final String TOKEN_PREFIX = "staged:";

  private final String id;
  private final Path data;
  private final Path meta;
  private final FileChannel channel;
  private final AtomicLong generation;
  // Guarded by this.
  private String path;
  private long confirmedGeneration;
  private FileAttributes confirmed;
  private int handles;
  private Instant modified;
  private CompletableFuture<FileAttributes> upload;
  private int failures;
  private long retryAtNanos;
  private StoreException lastFailure;
  private boolean discarded;

  StagedFile(
      String id, String path, Path data, Path meta, FileChannel channel, long generation, Instant modified) {
    this.id = id;
    this.path = path;
    this.data = data;
    this.meta = meta;
    this.channel = channel;
    this.generation = new AtomicLong(generation);
    this.modified = modified;
  }

  public synchronized String path() {
    return path;
  }

  synchronized void path(String p) {
    path = p;
  }

  public Path dataFile() {
    return data;
  }

  Path metaFile() {
    return meta;
  }

  String id() {
    return id;
  }

  public long generation() {
    return generation.get();
  }

  public synchronized boolean isDirty() {
    return !discarded && generation.get() != confirmedGeneration;
  }

  public int write(long offset, ByteBuffer src, Instant now) throws StoreException {
    int n = 0;
    try {
      while (src.hasRemaining()) {
        n += channel.write(src, offset + n);
      }
    } catch (IOException e) {
      throw local("write", e);
    }
    changed(now);
    return n;
  }

  /** Bytes of the staged content from {@code offset}; 0 at or past the end. */
  public int read(long offset, ByteBuffer dst) throws StoreException {
    int n = 0;
    try {
      while (dst.hasRemaining()) {
        int r = channel.read(dst, offset + n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException e) {
      throw local("read", e);
    }
    return n;
  }

  public void truncate(long size, Instant now) throws StoreException {
    try {
      long current = channel.size();
      if (size < current) {
        channel.truncate(size);
      } else if (size > current) {
        channel.write(ByteBuffer.allocate(1), size - 1); // the gap reads as zeros, as POSIX says
      }
    } catch (IOException e) {
      throw local("truncate", e);
    }
    changed(now);
  }

  public long size() throws StoreException {
    try {
      return channel.size();
    } catch (IOException e) {
      throw local("size", e);
    }
  }

  /**
   * What a stat shows while the file is staged. The token names the generation, so block caches
   * and the kernel see every change as a new version.
   */
  public FileAttributes attributes() throws StoreException {
    Instant m;
    synchronized (this) {
      if (!isDirty() && confirmed != null) {
        return confirmed; // unchanged since the store confirmed it: no new version to announce
      }
      m = modified;
    }
    return new FileAttributes(FileType.FILE, size(), m, TOKEN_PREFIX + id + ":" + generation(), -1);
  }

  void force() throws StoreException {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw local("fsync", e);
    }
  }

  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing to save: the data file is what matters and it is already written
    }
  }

  synchronized void changed(Instant now) {
    generation.incrementAndGet();
    modified = now;
  }

  /** Counts a new handle; false if the file was discarded meanwhile (stage a new one). */
  synchronized boolean opened() {
    if (discarded) {
      return false;
    }
    handles++;
    return true;
  }

  /** The staged content is what the store holds ({@code attrs}): nothing to upload yet. */
  synchronized void markClean(FileAttributes attrs) {
    confirmedGeneration = generation.get();
    confirmed = attrs;
  }

  /** Returns the number of handles left. */
  synchronized int released() {
    return --handles;
  }

  synchronized int handles() {
    return handles;
  }

  synchronized CompletableFuture<FileAttributes> upload() {
    return upload;
  }

  /** Claims the upload slot; null if another upload runs (then wait for {@link #upload()}). */
  synchronized CompletableFuture<FileAttributes> beginUpload() {
    if (upload != null) {
      return null;
    }
    upload = new CompletableFuture<>();
    return upload;
  }

  synchronized void uploaded(long gen, FileAttributes attrs) {
    confirmedGeneration = Math.max(confirmedGeneration, gen);
    confirmed = attrs;
    failures = 0;
    lastFailure = null;
    upload = null;
  }

  synchronized boolean confirmedAtLeast(long gen) {
    return discarded || confirmedGeneration >= gen;
  }

  synchronized void failed(StoreException e, long retryAt) {
    failures++;
    lastFailure = e;
    retryAtNanos = retryAt;
    upload = null;
  }

  synchronized int failures() {
    return failures;
  }

  synchronized boolean retryDue(long nowNanos) {
    return isDirty() && upload == null && failures > 0 && nowNanos - retryAtNanos >= 0;
  }

  /** The attributes the store reported for the last confirmed upload, or null. */
  public synchronized FileAttributes confirmed() {
    return confirmed;
  }

  public synchronized StoreException lastFailure() {
    return lastFailure;
  }

  synchronized boolean discard() {
    boolean was = discarded;
    discarded = true;
    return !was;
  }

  synchronized boolean isDiscarded() {
    return discarded;
  }

  private StoreException local(String op, IOException e) {
    return new StoreException(
        StoreException.Kind.IO, "staged " + op + " of " + path() + " failed: " + e.getMessage(), e);
  }
}
