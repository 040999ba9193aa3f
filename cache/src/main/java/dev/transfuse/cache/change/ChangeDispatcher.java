package dev.transfuse.cache.change;

import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each {@link Change} to every registered listener on the executor, one change at a time
 * and in the order the changes were learned (a removal and a re-creation of one name must not
 * arrive swapped), however many executor threads there are. A listener that throws is logged and
 * does not stop the others: a failed kernel notification must not fail the write or refresh that
 * caused it.
 */
public final class ChangeDispatcher implements Consumer<Change> {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeDispatcher.class);

  private final Executor executor;
  private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Change> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  public ChangeDispatcher(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  public void add(ChangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void remove(ChangeListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void accept(Change change) {
    if (listeners.isEmpty()) {
      return;
    }
    queue.add(change);
    if (draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        draining.set(false); // closing: the change is dropped, as the kernel is going away
        LOG.debug("change not delivered, executor closed: {}", change);
      }
    }
  }

  private void drain() {
    while (true) {
      Change c;
      while ((c = queue.poll()) != null) {
        deliver(c);
      }
      draining.set(false);
      // A change queued after the poll saw nothing, but before the flag dropped, is ours too.
      if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void deliver(Change change) {
    for (ChangeListener l : listeners) {
      try {
        l.changed(change);
      } catch (RuntimeException e) {
        LOG.warn("change listener failed on {}", change, e);
      }
    }
  }
}
