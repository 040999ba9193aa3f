package dev.transfuse.fuse.server;

import dev.transfuse.fuse.mount.FuseDevice;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's workers: {@code resident} of them always, and more, up to {@code max}, while every
 * one is busy. A filesystem call that waits on a slow store holds its worker; without spare ones,
 * requests the daemon could answer at once (a statfs, a lookup it has cached) would queue behind
 * those calls, and a mount with a few stalled reads would look hung. An extra worker leaves after
 * a request once more than {@code resident} workers are idle, as in libfuse's multi-threaded
 * loop. Each worker has its own cloned /dev/fuse fd and two request-sized buffers, hence the cap.
 */
final class WorkerPool {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final FuseDevice device;
  private final Dispatcher dispatcher;
  private final int maxWrite;
  private final int resident;
  private final int max;
  private final String name;
  /** Shared with the dispatcher, whose INTERRUPT looks up the worker serving a request. */
  private final List<Worker> workers;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private volatile boolean stopped;

  WorkerPool(FuseDevice device, Dispatcher dispatcher, List<Worker> workers, int maxWrite,
      int resident, int max, String name) {
    this.device = device;
    this.workers = workers;
    this.dispatcher = dispatcher;
    this.maxWrite = maxWrite;
    this.resident = resident;
    this.max = Math.max(resident, max);
    this.name = name;
  }

  /**
   * The threads of the workers not retired; joining them all is joining the pool. (A retiring
   * worker leaves the list just before its thread ends, and touches nothing after.)
   */
  List<Thread> threads() {
    return threads;
  }

  void start() {
    for (int i = 0; i < resident; i++) {
      live.incrementAndGet();
      // The first worker reads the session's own fd; the others each a clone of it, so
      // requests spread over separate processing queues and replies go back where they came.
      spawn(i == 0 ? device : cloneOrShare(), false);
    }
  }

  /** A worker took a request: if none is left idle, another one starts, within the cap. */
  void busy() {
    if (busy.incrementAndGet() < live.get() || stopped) {
      return;
    }
    for (int l = live.get(); l < max; l = live.get()) {
      if (live.compareAndSet(l, l + 1)) {
        spawn(cloneOrShare(), true);
        return;
      }
    }
  }

  /** A worker answered its request; true if it is an extra one that should now leave. */
  boolean idle(Worker w) {
    busy.decrementAndGet();
    if (!w.extra) {
      return false;
    }
    for (int l = live.get(); l - busy.get() > resident; l = live.get()) {
      if (live.compareAndSet(l, l - 1)) {
        workers.remove(w);
        threads.remove(Thread.currentThread()); // a long-lived mount must not keep them all
        if (w.device() != device) {
          w.closeDevice();
        }
        return true;
      }
    }
    return false;
  }

  /** Closes every worker's fd (the session closes its own); workers then stop reading. */
  void stop() {
    stopped = true;
    for (Worker w : workers) {
      w.closeDevice();
    }
  }

  private void spawn(FuseDevice fd, boolean extra) {
    Worker w = new Worker(fd, dispatcher, maxWrite, this, extra);
    workers.add(w);
    Thread t = new Thread(w, "fuse-" + name + "-" + started.getAndIncrement());
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private FuseDevice cloneOrShare() {
    try {
      return device.cloneDevice();
    } catch (IOException e) {
      log.warn("{}; workers share one fd", e.getMessage());
      return device;
    }
  }
}
