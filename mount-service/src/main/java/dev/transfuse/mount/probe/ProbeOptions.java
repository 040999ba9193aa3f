package dev.transfuse.mount.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the probe runs.
 *
 * @param bpftrace the bpftrace executable; a missing file makes the probe unavailable
 * @param tracefs where tracefs is (or gets) mounted
 * @param interval how often bpftrace prints its counters; the windows move in these steps
 * @param startTimeout how long bpftrace may take to compile and attach
 * @param topProcesses how many processes each window lists
 */
public record ProbeOptions(Path bpftrace, Path tracefs, Duration interval, Duration startTimeout,
    int topProcesses) {

  public ProbeOptions {
    Objects.requireNonNull(bpftrace, "bpftrace");
    Objects.requireNonNull(tracefs, "tracefs");
    if (interval.isNegative() || interval.toMillis() < 10) {
      throw new IllegalArgumentException("interval must be at least 10 ms, was " + interval);
    }
    if (startTimeout.isNegative() || startTimeout.isZero()) {
      throw new IllegalArgumentException("startTimeout must be positive, was " + startTimeout);
    }
    if (topProcesses < 0) {
      throw new IllegalArgumentException("topProcesses must be >= 0, was " + topProcesses);
    }
  }

  /** Debian's bpftrace, tracefs at /sys/kernel/tracing, 1 s ticks, 30 s to attach, top 5. */
  public static ProbeOptions defaults() {
    return new ProbeOptions(Path.of("/usr/bin/bpftrace"), Path.of("/sys/kernel/tracing"),
        Duration.ofSeconds(1), Duration.ofSeconds(30), 5);
  }

  public ProbeOptions withBpftrace(Path path) {
    return new ProbeOptions(path, tracefs, interval, startTimeout, topProcesses);
  }

  public ProbeOptions withTracefs(Path path) {
    return new ProbeOptions(bpftrace, path, interval, startTimeout, topProcesses);
  }

  public ProbeOptions withInterval(Duration d) {
    return new ProbeOptions(bpftrace, tracefs, d, startTimeout, topProcesses);
  }
}
