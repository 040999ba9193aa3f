package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bpftrace never outlives what started it: the probe's stop, its death, and JVM exit. */
class KernelCacheProbeLifecycleTest {
  static final Duration TICK = Duration.ofMillis(250);
  @TempDir Path tmp;

  @Test
  void startsWithTheFirstMountAndEndsWithTheLast() throws Exception {
    // made-up device numbers: nothing is mounted there, so nothing is counted
    try (KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults().withInterval(TICK))) {
      assertThat(probe.bpftracePid()).isEqualTo(-1);
      ProbedMount a = probe.register(new ProbeTarget(tmp.resolve("a"), 1L << 20 | 901, 901));
      ProbedMount b = probe.register(new ProbeTarget(tmp.resolve("b"), 1L << 20 | 902, 902));
      assertThat(probe.awaitReady(Duration.ofSeconds(30))).isTrue();
      long pid = probe.bpftracePid();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(probe.awaitTick(Duration.ofSeconds(10))).isTrue();
      assertThat(a.stats().sinceMount().stat().calls()).isZero();
      a.close();
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
      assertThat(a.stats().available()).isFalse();
      b.close();
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(probe.bpftracePid()).isEqualTo(-1);
    }
  }

  @Test
  void bpftraceDyingMakesTheProbeUnavailableUntilItIsStartedAgain() throws Exception {
    try (KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults().withInterval(TICK))) {
      ProbedMount m = probe.register(new ProbeTarget(tmp, 1L << 20 | 904, 904));
      assertThat(probe.awaitReady(Duration.ofSeconds(30))).isTrue();
      ProcessHandle bpftrace = ProcessHandle.of(probe.bpftracePid()).orElseThrow();
      bpftrace.destroyForcibly();
      bpftrace.onExit().get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (m.stats().available() && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // the reader thread sees end-of-file at once
      }
      KernelStats s = m.stats();
      assertThat(s.available()).isFalse();
      assertThat(s.reason()).startsWith("unavailable: bpftrace exited with");
      assertThat(probe.bpftracePid()).isEqualTo(-1);

      m.close(); // the last mount: the next registration starts afresh
      ProbedMount again = probe.register(new ProbeTarget(tmp, 1L << 20 | 904, 904));
      assertThat(probe.awaitReady(Duration.ofSeconds(30))).isTrue();
      assertThat(again.stats().available()).isTrue();
    }
  }

  @Test
  void jvmExitEndsBpftrace() throws Exception {
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ProbeExitMain.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(child.getInputStream().readAllBytes()).strip();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("child output: %s", out).isZero();
    long pid = out.lines().filter(l -> l.startsWith("bpftrace-pid="))
        .mapToLong(l -> Long.parseLong(l.substring("bpftrace-pid=".length()).strip()))
        .findFirst().orElseThrow(() -> new AssertionError("no pid in: " + out));
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
        .as("bpftrace %d after its JVM exited", pid).isEmpty();
  }
}
