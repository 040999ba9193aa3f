package dev.transfuse.mount.fs;

import dev.transfuse.cache.change.Change;
import dev.transfuse.cache.change.ChangeListener;
import dev.transfuse.fuse.api.KernelControl;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes what the cache learned changed to the kernel's caches: a changed file loses its cached
 * attributes and pages, a changed directory its listing and the names that came or went, a
 * removed path its name. Only nodes the kernel holds are notified: for anything else it has
 * nothing cached.
 *
 * <p>Notifications go out from a thread of their own. Written from inside a request handler that
 * touches the same inode or directory (an unlink whose cache update fires this listener), the
 * kernel would wait for the handler and the handler for the kernel.
 */
public final class KernelInvalidation implements ChangeListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KernelInvalidation.class);

  private final InodeTable inodes;
  private final KernelControl kernel;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kernel-invalidation");
    t.setDaemon(true);
    return t;
  });

  KernelInvalidation(InodeTable inodes, KernelControl kernel) {
    this.inodes = inodes;
    this.kernel = kernel;
  }

  @Override
  public void changed(Change change) {
    sender.execute(() -> apply(change));
  }

  /**
   * Makes the kernel forget everything it caches at or below {@code path}: attributes, pages and
   * listings of every node it holds there, and their names, so the next access asks again. Call
   * from a thread that is not serving a request. Negative entries (names looked up and missing)
   * inside expire after the kernel TTL.
   */
  public void invalidateNow(String path) {
    for (Inode node : inodes.heldUnder(path)) {
      node.pageCacheToken = null;
      String p = node.path();
      send(() -> kernel.invalidateInode(node.id, 0, 0), p);
      entry(p);
    }
    entry(path);
  }

  /** Waits until every change told so far has been sent to the kernel. */
  public void awaitSent() throws InterruptedException {
    try {
      sender.submit(() -> { }).get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("kernel invalidations did not drain", e);
    }
  }

  private void apply(Change change) {
    if (change instanceof Change.FileChanged f) {
      inodes.find(f.path()).ifPresent(node -> {
        node.pageCacheToken = null;
        send(() -> kernel.invalidateInode(node.id, 0, 0), f.path());
      });
    } else if (change instanceof Change.DirectoryChanged d) {
      inodes.find(d.path()).ifPresent(dir -> {
        // offset 0: drop the readdir cache (the directory's pages) with the attributes
        send(() -> kernel.invalidateInode(dir.id, 0, 0), d.path());
        names(dir, d.added());
        names(dir, d.removed());
      });
    } else if (change instanceof Change.Removed r) {
      entry(r.path());
    }
  }

  private void names(Inode dir, Set<String> names) {
    for (String name : names) {
      send(() -> kernel.invalidateEntry(dir.id, name), name);
    }
  }

  private void entry(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0 || path.equals("/")) {
      return;
    }
    String parent = slash == 0 ? "/" : path.substring(0, slash);
    String name = path.substring(slash + 1);
    inodes.find(parent).ifPresent(dir -> send(() -> kernel.invalidateEntry(dir.id, name), path));
  }

  private static void send(Notification n, String path) {
    try {
      n.send();
    } catch (IOException e) {
      log.warn("kernel invalidation of {} failed: {}", path, e.getMessage());
    }
  }

  @Override
  public void close() {
    sender.shutdown();
  }

  @FunctionalInterface
  private interface Notification {
    boolean send() throws IOException;
  }
}
