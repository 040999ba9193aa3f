package dev.transfuse.cache.write;

import dev.transfuse.cache.metadata.StorePaths;
import dev.transfuse.translators.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staged files of one mount, at most one per path, under {@code cacheDir/staging}: {@code
 * <id>.data} holds the content, {@code <id>.meta} the path and whether the initial copy finished.
 *
 * <p>A meta file still saying {@code FILLING} after a crash belongs to a copy the writer never
 * saw, so it is dropped; a {@code READY} one may hold writes the store never confirmed, so it is
 * kept and uploaded again.
 */
public final class StagingArea {
  private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);
  private static final String FILLING = "FILLING";
  private static final String READY = "READY";

  private final Path root;
  private final Clock clock;
  private final ConcurrentHashMap<String, CompletableFuture<StagedFile>> byPath =
      new ConcurrentHashMap<>();

  public StagingArea(Path root, Clock clock) throws IOException {
    this.root = Files.createDirectories(root);
    this.clock = clock;
  }

  /** Staged files a previous run left, registered again; each is dirty. */
  public List<StagedFile> recover() throws IOException {
    List<StagedFile> found = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "*.meta")) {
      for (Path meta : ds) {
        String id = meta.getFileName().toString().replace(".meta", "");
        Path data = root.resolve(id + ".data");
        List<String> lines = Files.readAllLines(meta, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !READY.equals(lines.get(0)) || !Files.exists(data)) {
          LOG.info("dropping unfinished staged copy {}", meta);
          Files.deleteIfExists(data);
          Files.deleteIfExists(meta);
          continue;
        }
        String path = lines.get(1);
        FileChannel ch = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Instant modified = Files.getLastModifiedTime(data).toInstant();
        StagedFile sf = new StagedFile(id, path, data, meta, ch, 1, modified);
        CompletableFuture<StagedFile> old = byPath.put(path, CompletableFuture.completedFuture(sf));
        if (old != null) {
          LOG.warn("two staged copies of {}; keeping {}", path, id);
        }
        found.add(sf);
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, "*.data")) {
      for (Path data : ds) {
        String id = data.getFileName().toString().replace(".data", "");
        if (!Files.exists(root.resolve(id + ".meta"))) {
          // Without its meta file nobody knows the path: kept for a human, never deleted.
          LOG.warn("staged data {} has no meta file; left in place", data);
        }
      }
    }
    return found;
  }

  public Optional<StagedFile> find(String path) {
    CompletableFuture<StagedFile> f = byPath.get(path);
    if (f == null || !f.isDone() || f.isCompletedExceptionally()) {
      return Optional.empty();
    }
    StagedFile sf = f.join();
    return sf.isDiscarded() ? Optional.empty() : Optional.of(sf);
  }

  /**
   * The staged file of {@code path} with one more handle on it; stages it if there is none, by
   * running {@code filler} (null: start empty, as O_TRUNC or O_CREAT of a new file does).
   */
  public StagedFile open(String path, Filler filler) throws StoreException {
    while (true) {
      CompletableFuture<StagedFile> mine = new CompletableFuture<>();
      CompletableFuture<StagedFile> existing = byPath.putIfAbsent(path, mine);
      if (existing != null) {
        StagedFile sf = await(existing);
        if (sf != null && sf.opened()) {
          return sf;
        }
        byPath.remove(path, existing);
        continue;
      }
      return create(path, filler, mine);
    }
  }

  private StagedFile create(String path, Filler filler, CompletableFuture<StagedFile> slot)
      throws StoreException {
    String id = UUID.randomUUID().toString();
    Path data = root.resolve(id + ".data");
    Path meta = root.resolve(id + ".meta");
    StagedFile sf = null;
    try {
      writeMeta(meta, filler == null ? READY : FILLING, path);
      FileChannel ch =
          FileChannel.open(
              data, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
      sf = new StagedFile(id, path, data, meta, ch, filler == null ? 1 : 0, clock.instant());
      if (filler != null) {
        sf.markClean(filler.fill(sf));
        writeMeta(meta, READY, path);
      }
      sf.opened(); // before anyone else can see it, so it cannot be retired in between
      slot.complete(sf);
      return sf;
    } catch (IOException | RuntimeException e) {
      byPath.remove(path, slot);
      slot.completeExceptionally(e);
      if (sf != null) {
        sf.discard();
        sf.close();
      }
      deleteQuietly(data);
      deleteQuietly(meta);
      if (e instanceof StoreException) {
        throw (StoreException) e;
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new StoreException(StoreException.Kind.IO, "cannot stage " + path, e);
    }
  }

  /** Gives back one handle taken by {@link #open}. */
  public void release(StagedFile sf) {
    sf.released();
  }

  /** Every staged file now. */
  public List<StagedFile> all() {
    List<StagedFile> out = new ArrayList<>();
    for (CompletableFuture<StagedFile> f : byPath.values()) {
      if (f.isDone() && !f.isCompletedExceptionally() && !f.join().isDiscarded()) {
        out.add(f.join());
      }
    }
    return out;
  }

  /** Staged files directly inside {@code dir}. */
  public List<StagedFile> childrenOf(String dir) {
    List<StagedFile> out = new ArrayList<>();
    for (StagedFile sf : all()) {
      if (dir.equals(StorePaths.parent(sf.path()))) {
        out.add(sf);
      }
    }
    return out;
  }

  /** Takes the data file of a retired staged file; may move it away, or leave it to be deleted. */
  @FunctionalInterface
  public interface Adopter {
    void adopt(StagedFile sf, Path data) throws IOException;
  }

  /**
   * Removes {@code sf} if the store confirmed its content and nobody has it open, first offering
   * its data file to {@code adopter} (the disk block cache); true if removed.
   */
  public boolean retireIfDone(StagedFile sf, Adopter adopter) {
    synchronized (sf) {
      if (sf.handles() > 0 || sf.isDirty() || !sf.discard()) {
        return false;
      }
    }
    unregister(sf);
    sf.close();
    try {
      adopter.adopt(sf, sf.dataFile());
    } catch (IOException | RuntimeException e) {
      LOG.debug("staged copy of {} not kept as cache: {}", sf.path(), e.toString());
    }
    deleteQuietly(sf.dataFile());
    deleteQuietly(sf.metaFile());
    return true;
  }

  /** Throws away the staged files at or below {@code path} (it was deleted). */
  public void discard(String path) {
    for (StagedFile sf : all()) {
      if (StorePaths.isWithin(sf.path(), path) && sf.discard()) {
        drop(sf);
      }
    }
  }

  /** Moves staged files at or below {@code from} to below {@code to}. */
  public void rename(String from, String to) throws StoreException {
    discard(to);
    for (StagedFile sf : all()) {
      String old = sf.path();
      if (!StorePaths.isWithin(old, from)) {
        continue;
      }
      String now = StorePaths.rebase(old, from, to);
      CompletableFuture<StagedFile> slot = byPath.remove(old);
      if (slot == null) {
        continue;
      }
      sf.path(now);
      byPath.put(now, slot);
      try {
        writeMeta(sf.metaFile(), READY, now);
      } catch (IOException e) {
        throw new StoreException(StoreException.Kind.IO, "cannot record rename of " + old, e);
      }
    }
  }

  private void drop(StagedFile sf) {
    unregister(sf);
    sf.close();
    deleteQuietly(sf.dataFile());
    deleteQuietly(sf.metaFile());
  }

  private void unregister(StagedFile sf) {
    for (Map.Entry<String, CompletableFuture<StagedFile>> e : byPath.entrySet()) {
      CompletableFuture<StagedFile> f = e.getValue();
      if (f.isDone() && !f.isCompletedExceptionally() && f.join() == sf) {
        byPath.remove(e.getKey(), f);
      }
    }
  }

  private static void writeMeta(Path meta, String state, String path) throws IOException {
    Path tmp = meta.resolveSibling(meta.getFileName() + ".tmp");
    Files.writeString(tmp, state + "\n" + path + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static StagedFile await(CompletableFuture<StagedFile> f) throws StoreException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(StoreException.Kind.UNAVAILABLE, "interrupted while staging", e);
    } catch (ExecutionException e) {
      return null; // that opener failed and reported it; this one stages afresh
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("could not delete {}", p, e);
    }
  }
}
