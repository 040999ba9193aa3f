package dev.transfuse.cache;

import dev.transfuse.cache.metadata.StorePaths;
import dev.transfuse.translators.store.DirEntry;
import dev.transfuse.translators.store.FileAttributes;
import dev.transfuse.translators.store.FileType;
import dev.transfuse.translators.store.SpaceInfo;
import dev.transfuse.translators.store.Store;
import dev.transfuse.translators.store.StoreCapabilities;
import dev.transfuse.translators.store.StoreException;
import dev.transfuse.translators.store.StoreException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory implementation of our own {@link Store} interface for unit tests of the cache: it
 * counts every call, so tests can prove what the cache saved, and can be told to fail uploads or
 * to hold stats until released. Directories are S3-like (no mtime, empty token).
 */
final class MemoryStore implements Store {
  private record Node(byte[] content, FileAttributes attrs) {}

  private final Map<String, Node> nodes = new TreeMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> pathCalls = new ConcurrentHashMap<>();
  volatile boolean failUploads;
  volatile CountDownLatch statGate;
  private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

  MemoryStore() {
    nodes.put("/", new Node(null, FileAttributes.directory(Instant.EPOCH)));
  }

  int calls(String op) {
    AtomicInteger n = calls.get(op);
    return n == null ? 0 : n.get();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  void resetCalls() {
    calls.clear();
    pathCalls.clear();
  }

  /** Puts a file (and its parent directories) straight into the store, as another client would. */
  synchronized FileAttributes putFile(String path, byte[] content) {
    String parent = StorePaths.parent(path);
    if (parent != null && !nodes.containsKey(parent)) {
      putDir(parent);
    }
    now = now.plusSeconds(1);
    FileAttributes a =
        new FileAttributes(FileType.FILE, content.length, now, "v" + versions.incrementAndGet(), -1);
    nodes.put(path, new Node(content.clone(), a));
    return a;
  }

  synchronized void putDir(String path) {
    String parent = StorePaths.parent(path);
    if (parent != null && !nodes.containsKey(parent)) {
      putDir(parent);
    }
    nodes.put(path, new Node(null, FileAttributes.directory(Instant.EPOCH)));
  }

  synchronized void remove(String path) {
    nodes.keySet().removeIf(p -> StorePaths.isWithin(p, path));
  }

  synchronized byte[] content(String path) {
    Node n = nodes.get(path);
    return n == null ? null : n.content().clone();
  }

  private void count(String op) {
    calls.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Counts {@code op} in total and for {@code path} (as "op path"). */
  private void count(String op, String path) {
    count(op);
    pathCalls.computeIfAbsent(op + " " + path, k -> new AtomicInteger()).incrementAndGet();
  }

  int calls(String op, String path) {
    AtomicInteger n = pathCalls.get(op + " " + path);
    return n == null ? 0 : n.get();
  }

  @Override
  public StoreCapabilities capabilities() {
    return new StoreCapabilities(false, false, false, true);
  }

  @Override
  public Optional<FileAttributes> stat(String path) throws StoreException {
    count("stat", path);
    CountDownLatch gate = statGate;
    if (gate != null) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException(Kind.UNAVAILABLE, "interrupted");
      }
    }
    synchronized (this) {
      Node n = nodes.get(path);
      return n == null ? Optional.empty() : Optional.of(n.attrs());
    }
  }

  @Override
  public synchronized List<DirEntry> list(String dir) throws StoreException {
    count("list", dir);
    Node d = nodes.get(dir);
    if (d == null) {
      throw new StoreException(Kind.NOT_FOUND, dir);
    }
    if (!d.attrs().isDirectory()) {
      throw new StoreException(Kind.NOT_A_DIRECTORY, dir);
    }
    List<DirEntry> out = new ArrayList<>();
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      if (dir.equals(StorePaths.parent(e.getKey()))) {
        out.add(new DirEntry(StorePaths.name(e.getKey()), e.getValue().attrs()));
      }
    }
    return out;
  }

  @Override
  public InputStream read(String path, long offset, long length) throws StoreException {
    count("read", path);
    byte[] c;
    synchronized (this) {
      Node n = nodes.get(path);
      if (n == null) {
        throw new StoreException(Kind.NOT_FOUND, path);
      }
      c = n.content();
    }
    int from = (int) Math.min(offset, c.length);
    int len = (int) Math.min(length, c.length - from);
    return new ByteArrayInputStream(c, from, len);
  }

  @Override
  public FileAttributes upload(String path, Path staged) throws StoreException {
    count("upload");
    if (failUploads) {
      throw new StoreException(Kind.UNAVAILABLE, "store is down");
    }
    try {
      return putFile(path, Files.readAllBytes(staged));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void mkdir(String path) throws StoreException {
    count("mkdir");
    if (nodes.containsKey(path)) {
      throw new StoreException(Kind.ALREADY_EXISTS, path);
    }
    putDir(path);
  }

  @Override
  public synchronized void delete(String path) throws StoreException {
    count("delete");
    if (!nodes.containsKey(path)) {
      throw new StoreException(Kind.NOT_FOUND, path);
    }
    remove(path);
  }

  @Override
  public synchronized void rename(String from, String to) throws StoreException {
    count("rename");
    if (!nodes.containsKey(from)) {
      throw new StoreException(Kind.NOT_FOUND, from);
    }
    Map<String, Node> moved = new TreeMap<>();
    for (Map.Entry<String, Node> e : nodes.entrySet()) {
      if (StorePaths.isWithin(e.getKey(), from)) {
        moved.put(StorePaths.rebase(e.getKey(), from, to), e.getValue());
      }
    }
    remove(from);
    nodes.putAll(moved);
  }

  @Override
  public Optional<SpaceInfo> space() {
    return Optional.empty();
  }

  @Override
  public void close() {}
}
