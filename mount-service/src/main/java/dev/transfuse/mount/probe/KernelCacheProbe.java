package dev.transfuse.mount.probe;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures, per FUSE mount, how many application calls the kernel answered from its caches and
 * how many requests reached the daemon, with one bpftrace process for all mounts (see
 * {@link BpftraceProgram} for what it counts and why bpftrace).
 *
 * <p>Lifecycle: the first {@link #register} starts bpftrace on a background thread (checks, then
 * a 1-2 s compile and attach); until it has attached, stats say "unavailable: probe starting".
 * The last {@link ProbedMount#close()} ends bpftrace, as does {@link #close()} and JVM exit. If
 * the probe cannot run (no bpftrace, not root, lockdown, tracefs or a tracepoint missing) or
 * bpftrace dies, every mount's stats say "unavailable: reason" and nothing else is affected; the
 * next start (after all mounts unregistered) tries again.
 *
 * <p>Thread-safe. One lock guards all state; it is never held while waiting for bpftrace.
 */
public final class KernelCacheProbe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KernelCacheProbe.class);

  private enum State { STOPPED, STARTING, RUNNING, FAILED }

  private final ProbeOptions options;
  private final LongSupplier nanoClock;
  // guarded by this
  private final Map<ProbedMount, MountWindows> mounts = new LinkedHashMap<>();
  private State state = State.STOPPED;
  private String failure;
  /** Counts starts, so that callbacks of an earlier bpftrace are ignored. */
  private long generation;
  private BpftraceProcess process;
  private Sample latest;

  public KernelCacheProbe(ProbeOptions options) {
    this(options, System::nanoTime);
  }

  /** @param nanoClock CLOCK_MONOTONIC nanoseconds, the clock of bpftrace's {@code nsecs} */
  KernelCacheProbe(ProbeOptions options, LongSupplier nanoClock) {
    this.options = options;
    this.nanoClock = nanoClock;
  }

  /** Starts measuring a mount (and bpftrace, if this is the first). Never blocks on bpftrace. */
  public synchronized ProbedMount register(ProbeTarget target) {
    ProbedMount handle = new ProbedMount(this, target);
    Counters baseline = state == State.RUNNING && latest != null
        ? latest.countersFor(target) : Counters.ZERO;
    long at = latest != null && state == State.RUNNING ? latest.atNanos : nanoClock.getAsLong();
    mounts.put(handle, new MountWindows(target, options.topProcesses(), at, baseline));
    if (state == State.STOPPED) {
      state = State.STARTING;
      long gen = ++generation;
      Thread t = new Thread(() -> start(gen), "transfuse-probe-start");
      t.setDaemon(true);
      t.start();
    }
    return handle;
  }

  KernelStats stats(ProbedMount handle) {
    synchronized (this) {
      MountWindows w = mounts.get(handle);
      if (w == null) {
        return KernelStats.unavailable("mount is not registered with the probe");
      }
      return switch (state) {
        case RUNNING -> w.stats(nanoClock.getAsLong());
        case STARTING -> KernelStats.unavailable("probe starting");
        case FAILED -> KernelStats.unavailable(failure);
        case STOPPED -> throw new IllegalStateException("a registered mount while stopped");
      };
    }
  }

  void unregister(ProbedMount handle) {
    BpftraceProcess toStop = null;
    synchronized (this) {
      if (mounts.remove(handle) != null && mounts.isEmpty()) {
        toStop = process;
        process = null;
        latest = null;
        failure = null;
        state = State.STOPPED;
        generation++;
      }
    }
    if (toStop != null) {
      toStop.stop();
      log.info("bpftrace stopped: no mount left to probe");
    }
  }

  /**
   * Waits until bpftrace has attached (true) or the probe is known unavailable (false), at most
   * {@code timeout}.
   */
  public synchronized boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state == State.STARTING) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return state == State.RUNNING;
  }

  /**
   * Waits for a tick taken after this call (bpftrace's interval probe fired later than now), so
   * the stats include every call that finished before it.
   * Returns false if none arrived within {@code timeout} or the probe is not running.
   */
  public synchronized boolean awaitTick(Duration timeout) throws InterruptedException {
    long after = nanoClock.getAsLong();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (state == State.RUNNING && (latest == null || latest.atNanos <= after)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return state == State.RUNNING;
  }

  /** The pid of the running bpftrace, or -1. For operators and tests. */
  public synchronized long bpftracePid() {
    return process == null ? -1 : process.pid();
  }

  /** Unregisters every mount and ends bpftrace. Idempotent. */
  @Override
  public void close() {
    for (ProbedMount m : snapshotMounts()) {
      m.close();
    }
  }

  private synchronized ProbedMount[] snapshotMounts() {
    return mounts.keySet().toArray(new ProbedMount[0]);
  }

  private void start(long gen) {
    var reason = Preflight.check(options);
    if (reason.isPresent()) {
      fail(gen, reason.get());
      return;
    }
    BpftraceProcess started;
    try {
      started = BpftraceProcess.start(options, new Listener(gen));
    } catch (IOException e) {
      fail(gen, "cannot start " + options.bpftrace() + ": " + e.getMessage());
      return;
    }
    boolean keep;
    synchronized (this) {
      keep = generation == gen && state != State.STOPPED;
      if (keep) {
        process = started;
      }
    }
    if (!keep) {
      started.stop(); // every mount unregistered while bpftrace was starting
      return;
    }
    try {
      if (!awaitReady(options.startTimeout()) && isCurrent(gen, State.STARTING)) {
        fail(gen, "bpftrace did not attach within " + options.startTimeout().toSeconds() + " s"
            + started.stderrTail());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized boolean isCurrent(long gen, State expected) {
    return generation == gen && state == expected;
  }

  private void fail(long gen, String reason) {
    BpftraceProcess toStop = null;
    synchronized (this) {
      if (generation != gen || state == State.STOPPED) {
        return;
      }
      log.warn("kernel cache probe unavailable: {}", reason);
      state = State.FAILED;
      failure = reason;
      toStop = process;
      process = null;
      notifyAll();
    }
    if (toStop != null) {
      toStop.stop();
    }
  }

  /** bpftrace's callbacks for one generation. */
  private final class Listener implements BpftraceProcess.Listener {
    private final long gen;

    Listener(long gen) {
      this.gen = gen;
    }

    @Override
    public void attached() {
      synchronized (KernelCacheProbe.this) {
        if (generation == gen && state == State.STARTING) {
          state = State.RUNNING;
          log.info("bpftrace attached; probing {} mount(s)", mounts.size());
          KernelCacheProbe.this.notifyAll();
        }
      }
    }

    @Override
    public void sample(Sample s) {
      synchronized (KernelCacheProbe.this) {
        if (generation != gen || state != State.RUNNING) {
          return;
        }
        latest = s;
        for (MountWindows w : mounts.values()) {
          w.add(s);
        }
        KernelCacheProbe.this.notifyAll();
      }
    }

    @Override
    public void exited(String reason) {
      fail(gen, reason);
    }
  }
}
