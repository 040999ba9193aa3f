package dev.transfuse.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work of one cache: upload retries, revalidation polling, saving the disk cache's
 * indexes and Caffeine clean-up.
 * {@link #run()} does one round and is all a test needs; with background tasks on, one daemon
 * thread runs it every second (the upload back-off and the poll interval decide what each round
 * actually does, against the injected ticker).
 */
final class Maintenance {
  private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);
  private static final long TICK_MILLIS = 1000;
  /** A disk object's index is saved once it has had no write for this long. */
  private static final Duration INDEX_QUIET = Duration.ofSeconds(30);

  private final CacheParts parts;
  private final AtomicReference<Supplier<? extends Collection<String>>> held =
      new AtomicReference<>();
  private ScheduledExecutorService scheduler;
  // Guarded by this.
  private long lastPollNanos;

  Maintenance(CacheParts parts) {
    this.parts = parts;
    this.lastPollNanos = parts.options.ticker().read();
  }

  void start() {
    if (!parts.options.backgroundTasks()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "transfuse-cache-maintenance");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(this::runQuietly, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  void poll(Supplier<? extends Collection<String>> supplier) {
    held.set(supplier);
  }

  void run() {
    parts.uploader.retryDue();
    for (var sf : List.copyOf(parts.staging.all())) {
      parts.retire(sf);
    }
    Supplier<? extends Collection<String>> supplier = held.get();
    if (supplier != null && pollDue()) {
      parts.revalidator.revalidate(supplier.get());
    }
    parts.disk.saveQuietIndexes(INDEX_QUIET);
    parts.metadata.cleanUp();
    parts.memory.cleanUp();
  }

  void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private synchronized boolean pollDue() {
    long interval = parts.options.pollInterval().toNanos();
    if (interval == 0) {
      return false;
    }
    long now = parts.options.ticker().read();
    if (now - lastPollNanos < interval) {
      return false;
    }
    lastPollNanos = now;
    return true;
  }

  private void runQuietly() {
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn("cache maintenance failed", e);
    }
  }
}
