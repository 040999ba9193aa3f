package dev.transfuse.cache.change;

import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each {@link Change} to every registered listener on the executor. A listener that throws
 * is logged and does not stop the others: a failed kernel notification must not fail the write
 * or refresh that caused it.
 */
public final class ChangeDispatcher implements Consumer<Change> {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeDispatcher.class);

  private final Executor executor;
  private final CopyOnWriteArrayList<ChangeListener> listeners = new CopyOnWriteArrayList<>();

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
    executor.execute(() -> deliver(change));
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
