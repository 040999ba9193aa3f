package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.kernel.Opcode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows from synthetic ticks: differences of cumulative counters, clamped shares. */
class MountWindowsTest {
  static final long CONN = 46137347;
  static final long DEV = 11267;
  static final long SECOND = 1_000_000_000L;
  final ProbeTarget target = new ProbeTarget(Path.of("/m"), CONN, DEV);

  /** Cumulative state at second {@code t}: 1000 stats and 1 GETATTR per second since t=0. */
  static Sample tick(long t, int pid) {
    Sample s = new Sample();
    s.atNanos = t * SECOND;
    Counters c = s.device(CONN);
    c.requests[Opcode.GETATTR.code()] = t;
    c.addLatency(Opcode.GETATTR.code(), LatencyBuckets.of(30_000), t);
    c.readdirCalls = 2 * t;
    c.requests[Opcode.READDIR.code()] = 5 * t; // more requests than calls: share clamps to 0
    s.statByUserDevice.put(DEV, 1000 * t);
    s.processRequests.put(CONN, new HashMap<>(Map.of(pid, 1L)));
    s.comms.put(pid, "p" + pid);
    return s;
  }

  @Test
  void sinceMountStartsAtTheBaselineAndLast10sAtTheTickTenSecondsBack() {
    Sample base = tick(5, 1);
    MountWindows w = new MountWindows(target, 3, base.atNanos, base.countersFor(target));
    for (int t = 6; t <= 30; t++) {
      w.add(tick(t, t % 2 == 0 ? 100 : 200 + t));
    }
    KernelStats s = w.stats(30 * SECOND);
    assertThat(s.available()).isTrue();
    assertThat(s.reason()).isNull();

    KernelStats.Window since = s.sinceMount();
    assertThat(since.seconds()).isEqualTo(25.0);
    assertThat(since.stat()).isEqualTo(new KernelStats.Category(25_000, 25, 0.999));
    assertThat(since.readdir()).isEqualTo(new KernelStats.Category(50, 125, 0.0));
    assertThat(since.read()).isEqualTo(new KernelStats.Category(0, 0, null));
    assertThat(since.opcodes()).containsOnlyKeys("READDIR", "GETATTR");
    assertThat(since.opcodes().keySet()).containsExactly("READDIR", "GETATTR");
    assertThat(since.opcodes().get("GETATTR").count()).isEqualTo(25);
    assertThat(since.opcodes().get("GETATTR").p50Micros()).isBetween(28.0, 32.0);
    assertThat(since.topProcesses()).hasSize(3);
    assertThat(since.topProcesses().get(0)).isEqualTo(new KernelStats.Process(100, "p100", 13));

    KernelStats.Window last = s.last10s();
    assertThat(last.seconds()).isEqualTo(10.0);
    assertThat(last.stat().calls()).isEqualTo(10_000);
    assertThat(last.opcodes().get("GETATTR").count()).isEqualTo(10);
    assertThat(last.topProcesses().get(0)).isEqualTo(new KernelStats.Process(100, "p100", 5));
  }

  @Test
  void aYoungMountsLast10sIsItsWholeLife() {
    Sample base = tick(5, 1);
    MountWindows w = new MountWindows(target, 5, base.atNanos, base.countersFor(target));
    w.add(tick(8, 7));
    KernelStats s = w.stats(8 * SECOND);
    assertThat(s.last10s()).isEqualTo(s.sinceMount());
    assertThat(s.sinceMount().stat().calls()).isEqualTo(3000);
  }

  @Test
  void withoutTicksEverythingIsZero() {
    MountWindows w = new MountWindows(target, 5, 0, Counters.ZERO);
    KernelStats.Window since = w.stats(0).sinceMount();
    assertThat(since.stat()).isEqualTo(new KernelStats.Category(0, 0, null));
    assertThat(since.opcodes()).isEmpty();
    assertThat(since.topProcesses()).isEmpty();
  }
}
