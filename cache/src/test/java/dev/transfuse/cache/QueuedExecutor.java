package dev.transfuse.cache;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks on the calling thread, except while held: then it keeps them until the test runs
 * them, to observe what happens before a background refresh completes.
 */
final class QueuedExecutor implements Executor {
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private boolean held;

  @Override
  public void execute(Runnable r) {
    synchronized (this) {
      if (held) {
        tasks.add(r);
        return;
      }
    }
    r.run();
  }

  synchronized void hold() {
    held = true;
  }

  synchronized int pending() {
    return tasks.size();
  }

  /** Runs what was kept, and anything those tasks queue, then stops holding. */
  void release() {
    synchronized (this) {
      held = false;
    }
    while (true) {
      Runnable r;
      synchronized (this) {
        r = tasks.poll();
      }
      if (r == null) {
        return;
      }
      r.run();
    }
  }
}
