package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.server.RequestCounters;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe on real mounts: what it reports against what the daemon itself counted. One probe
 * (one bpftrace) serves the whole class, kept running by a mount registered for the class, so
 * each test's own mount is registered with a probe that is already attached. Counts are
 * compared between two ticks, so both sides cover exactly the same calls.
 */
class KernelCacheProbeMountTest {
  static final Duration TICK = Duration.ofMillis(250);
  static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path classTmp;
  static KernelCacheProbe probe;
  static TestMount keeper;
  static ProbedMount keeperProbe;

  @TempDir Path tmp;
  MemoryFilesystem fs;
  TestMount mount;
  ProbedMount probed;

  @BeforeAll
  static void startProbe() throws Exception {
    probe = new KernelCacheProbe(ProbeOptions.defaults().withInterval(TICK));
    keeper = new TestMount(classTmp, new MemoryFilesystem(Duration.ofSeconds(60), true));
    keeperProbe = probe.register(ProbeTarget.of(keeper.session()));
    assertThat(probe.awaitReady(Duration.ofSeconds(30)))
        .as("bpftrace attached: %s", keeperProbe.stats().reason()).isTrue();
  }

  @AfterAll
  static void stopProbe() throws Exception {
    long pid = probe.bpftracePid();
    try {
      keeperProbe.close();
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
          .as("bpftrace %d ended with the last mount", pid).isEmpty();
    } finally {
      probe.close();
      keeper.close();
    }
  }

  void mount() throws Exception {
    mount = new TestMount(tmp, fs);
    probed = probe.register(ProbeTarget.of(mount.session()));
  }

  @AfterEach
  void unmount() throws Exception {
    if (probed != null) {
      probed.close();
    }
    if (mount != null) {
      mount.close();
    }
  }

  /** The daemon's counters and the probe's since-mount window at one tick. */
  record Point(Map<Opcode, Long> daemon, KernelStats.Window probe) {
    long probeCount(Opcode op) {
      KernelStats.Opcode o = probe.opcodes().get(op.name());
      return o == null ? 0 : o.count();
    }
  }

  Point point() throws InterruptedException {
    assertThat(probe.awaitTick(WAIT)).as("a tick").isTrue();
    RequestCounters c = mount.session().counters();
    Map<Opcode, Long> daemon = new EnumMap<>(Opcode.class);
    for (Opcode op : Opcode.values()) {
      daemon.put(op, c.count(op));
    }
    KernelStats stats = probed.stats();
    assertThat(stats.available()).as(stats.reason()).isTrue();
    return new Point(daemon, stats.sinceMount());
  }

  /** Every opcode: the requests the probe saw between two points equal the daemon's own count. */
  static void assertSameRequests(Point before, Point after) {
    for (Opcode op : Opcode.values()) {
      assertThat(after.probeCount(op) - before.probeCount(op))
          .as("%s requests seen by the probe vs counted by the daemon", op)
          .isEqualTo(after.daemon.get(op) - before.daemon.get(op));
    }
  }

  @Test
  void tenThousandHotStatsAreKernelServedAndGetattrsMatchTheDaemon() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/hot.txt", "hot".getBytes());
    mount();
    Path hot = mount.resolve("hot.txt");
    Files.readAttributes(hot, BasicFileAttributes.class); // warm-up: LOOKUP (+ STATX probe)
    Point before = point();

    for (int i = 0; i < 10_000; i++) {
      assertThat(Files.readAttributes(hot, BasicFileAttributes.class).size()).isEqualTo(3);
    }
    // three attribute invalidations: three stats that must ask the daemon (GETATTR)
    for (int i = 0; i < 3; i++) {
      fs.kernel().invalidateInode(fs.nodeId("/hot.txt"), -1, 0);
      Files.readAttributes(hot, BasicFileAttributes.class);
    }
    Point after = point();

    KernelStats.Category stat = after.probe.stat();
    assertThat(stat.calls()).isGreaterThanOrEqualTo(10_003);
    assertThat(stat.kernelServedShare()).as("stat kernel-served share: %s", stat)
        .isGreaterThanOrEqualTo(0.99);
    long getattrs = after.daemon.get(Opcode.GETATTR) - before.daemon.get(Opcode.GETATTR);
    assertThat(getattrs).isEqualTo(3);
    assertThat(after.probeCount(Opcode.GETATTR) - before.probeCount(Opcode.GETATTR))
        .isEqualTo(getattrs);
    assertSameRequests(before, after);
    KernelStats.Opcode g = after.probe.opcodes().get("GETATTR");
    assertThat(g.p50Micros()).isPositive();
    assertThat(g.p99Micros()).isGreaterThanOrEqualTo(g.p50Micros());
  }

  @Test
  void thousandHotListdirsAreKernelServed() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    for (int i = 0; i < 250; i++) {
      fs.putFile(String.format("/dir/entry-%03d.dat", i), new byte[i]);
    }
    mount();
    Path dir = mount.resolve("dir");
    // warm-up as in KernelCacheTest: the listing fills the readdir cache, the stat refreshes
    // the atime that the READDIR made stale
    assertThat(listCount(dir)).isEqualTo(250);
    Files.readAttributes(dir, BasicFileAttributes.class);
    Point before = point();

    for (int i = 0; i < 1000; i++) {
      assertThat(listCount(dir)).isEqualTo(250);
    }
    Point after = point();

    KernelStats.Category readdir = after.probe.readdir();
    assertThat(readdir.calls() - before.probe.readdir().calls())
        .as("getdents64 calls of 1,000 listdirs").isGreaterThanOrEqualTo(2000);
    assertThat(readdir.kernelServedShare()).as("readdir kernel-served share: %s", readdir)
        .isGreaterThanOrEqualTo(0.99);
    assertSameRequests(before, after);
  }

  @Test
  void coldWalkShowsTheRequestsItCausedAndWhoCausedThem() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    for (int d = 0; d < 10; d++) {
      for (int f = 0; f < 20; f++) {
        fs.putFile(String.format("/tree/d%02d/f%02d", d, f), new byte[f]);
      }
    }
    mount();
    Point before = point();

    Process ls = new ProcessBuilder("ls", "-lR", mount.path().toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    assertThat(ls.waitFor()).isZero();
    Point after = point();

    assertSameRequests(before, after);
    long requests = after.daemon.values().stream().mapToLong(Long::longValue).sum()
        - before.daemon.values().stream().mapToLong(Long::longValue).sum();
    assertThat(requests).as("a cold walk of 11 directories and 200 files").isGreaterThan(20);
    KernelStats.Window w = after.probe;
    assertThat(w.stat().calls()).isGreaterThanOrEqualTo(200);
    assertThat(w.stat().daemonRequests() + w.readdir().daemonRequests()).isPositive();
    assertThat(w.readdir().calls()).isGreaterThanOrEqualTo(22);
    assertThat(w.topProcesses()).isNotEmpty();
    KernelStats.Process top = w.topProcesses().get(0);
    assertThat(top.pid()).isEqualTo((int) ls.pid());
    assertThat(top.comm()).isEqualTo("ls");
    assertThat(top.daemonRequests()).isGreaterThan(20);
    assertThat(probed.stats().last10s().topProcesses()).contains(top);
  }

  @Test
  void hotRereadsAreKernelServedAndColdReadsMatchTheDaemon() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    byte[] data = new byte[4 << 20];
    new Random(7).nextBytes(data);
    fs.putFile("/data.bin", data);
    mount();
    Path f = mount.resolve("data.bin");
    Point before = point();
    assertThat(Files.readAllBytes(f)).isEqualTo(data);
    Point cold = point();
    assertThat(cold.probeCount(Opcode.READ) - before.probeCount(Opcode.READ)).isPositive();
    assertSameRequests(before, cold);

    for (int i = 0; i < 20; i++) {
      assertThat(Files.readAllBytes(f)).isEqualTo(data);
    }
    Point hot = point();
    long calls = hot.probe.read().calls() - cold.probe.read().calls();
    long reads = hot.probeCount(Opcode.READ) - cold.probeCount(Opcode.READ);
    assertThat(calls).as("read calls of 20 re-reads").isGreaterThanOrEqualTo(20);
    assertThat(reads).as("READ requests of 20 hot re-reads").isZero();
    assertSameRequests(cold, hot);
  }

  /**
   * Another process, its cwd on the mount: relative stats (found and missing: the latter are
   * counted on the cwd's device) and fstat of an open fd are all attributed to the mount. A
   * missing absolute path is the one stat the probe cannot place.
   */
  @Test
  void relativeMissingAndFdStatsFromAnotherProcessCountOnTheMount() throws Exception {
    fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/hot.txt", "hot".getBytes());
    mount();
    String script = String.join("\n",
        "import os, sys",
        "os.stat('hot.txt')",
        "try: os.stat('missing')",
        "except FileNotFoundError: pass",
        "fd = os.open('hot.txt', os.O_RDONLY)",
        "print('warm', flush=True)",
        "sys.stdin.readline()", // warmed up: wait for the test's tick
        "for _ in range(1000): os.stat('hot.txt')",
        "for _ in range(1000):",
        "  try: os.stat('missing')",
        "  except FileNotFoundError: pass",
        "for _ in range(1000): os.fstat(fd)",
        "for _ in range(1000):",
        "  try: os.stat(os.path.join(os.getcwd(), 'missing-too'))",
        "  except FileNotFoundError: pass",
        "");
    Process py = new ProcessBuilder("python3", "-c", script).directory(mount.path().toFile())
        .redirectErrorStream(true).start();
    var out = new java.io.BufferedReader(new java.io.InputStreamReader(py.getInputStream()));
    assertThat(out.readLine()).isEqualTo("warm");
    Point before = point();
    py.getOutputStream().write('\n');
    py.getOutputStream().flush();
    assertThat(py.waitFor()).isZero();
    Point after = point();

    long calls = after.probe.stat().calls() - before.probe.stat().calls();
    long requests = after.probe.stat().daemonRequests() - before.probe.stat().daemonRequests();
    assertThat(calls).as("3,000 relative and fd stats; 1,000 absolute misses not placed")
        .isBetween(3000L, 3010L);
    assertThat(requests).as("hot and negative entries are cached: %s", after.probe.opcodes())
        .isLessThanOrEqualTo(3);
    assertSameRequests(before, after);
  }

  private static int listCount(Path dir) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path ignored : s) {
        n++;
      }
    }
    return n;
  }
}
