package dev.transfuse.mount.probe;

import dev.transfuse.fuse.server.FuseSession;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Java side of bench/probe-bench.sh: one MemoryFilesystem mount (60 s timeouts, KEEP_CACHE)
 * with the probe, workloads run by bench/ref/fsbench in its own process, and per workload the
 * probe's calls, daemon requests and kernel-served shares (differences between two ticks), with
 * the daemon's own request count beside the probe's. Also hot stat(2) time with and without the
 * probe attached. Writes markdown to OUTPUT (stdout carries the logs).
 *
 * <pre>ProbeBench FSBENCH MOUNTPOINT OUTPUT</pre>
 */
public final class ProbeBench {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int RUNS = 5;

  private ProbeBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: ProbeBench FSBENCH MOUNTPOINT OUTPUT");
      System.exit(2);
    }
    String fsbench = args[0];
    Path mnt = Path.of(args[1]);
    List<String> report = new ArrayList<>();
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/hot.txt", "hot".getBytes());
    for (int i = 0; i < 250; i++) {
      fs.putFile(String.format("/dir/entry-%03d.dat", i), new byte[i]);
    }
    for (int d = 0; d < 20; d++) {
      for (int f = 0; f < 50; f++) {
        fs.putFile(String.format("/tree/d%02d/f%03d", d, f), new byte[f]);
      }
    }
    byte[] big = new byte[64 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7);
    }
    fs.putFile("/data.bin", big);
    String hot = mnt.resolve("hot.txt").toString();
    String data = mnt.resolve("data.bin").toString();

    try (FuseSession session = FuseSession.mount(mnt, fs, SessionOptions.defaults("memfs"))) {
      run(fsbench, "stat", hot, "1000");
      run(fsbench, "listdir", mnt.resolve("dir").toString(), "10"); // warm-ups
      run(fsbench, "stat", mnt.resolve("dir").toString(), "10");
      // The probe's cost on a hot stat(2): interleaved rounds, each one run without bpftrace
      // and one with a freshly started probe (these machines are shared and noisy).
      List<Double> without = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        without.add(run(fsbench, "stat", hot, "200000"));
        try (KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults());
            ProbedMount probed = probe.register(ProbeTarget.of(session))) {
          awaitReady(probe, probed);
          with.add(run(fsbench, "stat", hot, "200000"));
        }
      }
      List<String> rows = new ArrayList<>();
      try (KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults());
          ProbedMount probed = probe.register(ProbeTarget.of(session))) {
        awaitReady(probe, probed);
        Bench b = new Bench(probe, probed, session);
        rows.add(b.row("hot stat: 200,000 stat(2) of one file",
            () -> run(fsbench, "stat", hot, "200000")));
        rows.add(b.row("hot listdir: 5,000 × 250-entry directory",
            () -> run(fsbench, "listdir", mnt.resolve("dir").toString(), "5000")));
        rows.add(b.row("cold walk: 20 dirs, 1,000 files, lstat each",
            () -> run(fsbench, "walk", mnt.resolve("tree").toString(), "1020")));
        rows.add(b.row("hot walk: the same tree again",
            () -> run(fsbench, "walk", mnt.resolve("tree").toString(), "1020")));
        rows.add(b.row("cold read: 64 MiB sequential, 1 MiB reads",
            () -> run(fsbench, "read", data, "1048576")));
        rows.add(b.row("hot re-read: the same 64 MiB, 3 times", () -> {
          for (int i = 0; i < 3; i++) {
            run(fsbench, "read", data, "1048576");
          }
          return 0;
        }));
        rows.add(b.row("hot random reads: 20,000 × 4 KiB pread(2)",
            () -> run(fsbench, "randread", data, "20000")));
      }
      report.add("| workload | stat calls / requests / share | getdents64 / requests /"
          + " share | read calls / requests / share | all requests: probe / daemon |");
      report.add("|---|---|---|---|---|");
      report.addAll(rows);
      report.add("");
      report.add(String.format(Locale.ROOT, "Hot stat(2) with the probe attached: %.1f ns"
          + " (median of %d runs of 200,000) vs %.1f ns without (median of %d), interleaved.",
          median(with), with.size(), median(without), without.size()));
      report.add("");
      report.add("Raw stat ns: with " + with + ", without " + without);
      Files.write(Path.of(args[2]), report);
    }
  }

  private static void awaitReady(KernelCacheProbe probe, ProbedMount probed)
      throws InterruptedException {
    if (!probe.awaitReady(Duration.ofSeconds(60))) {
      throw new IllegalStateException(probed.stats().reason());
    }
  }

  private interface Load {
    double run() throws Exception;
  }

  private record Bench(KernelCacheProbe probe, ProbedMount probed, FuseSession session) {
    String row(String name, Load load) throws Exception {
      KernelStats.Window before = window();
      long daemonBefore = session.counters().total();
      load.run();
      KernelStats.Window after = window();
      long daemon = session.counters().total() - daemonBefore;
      long seen = total(after) - total(before);
      return "| " + name + " | " + cell(after.stat(), before.stat()) + " | "
          + cell(after.readdir(), before.readdir()) + " | " + cell(after.read(), before.read())
          + " | " + seen + " / " + daemon + " |";
    }

    KernelStats.Window window() throws InterruptedException {
      if (!probe.awaitTick(WAIT)) {
        throw new IllegalStateException("no tick: " + probed.stats().reason());
      }
      return probed.stats().sinceMount();
    }

    static long total(KernelStats.Window w) {
      return w.opcodes().values().stream().mapToLong(KernelStats.Opcode::count).sum();
    }

    static String cell(KernelStats.Category after, KernelStats.Category before) {
      KernelStats.Category d = KernelStats.Category.of(after.calls() - before.calls(),
          after.daemonRequests() - before.daemonRequests());
      String share = d.kernelServedShare() == null ? "–"
          : String.format(Locale.ROOT, "%.2f%%", 100 * d.kernelServedShare());
      return d.calls() + " / " + d.daemonRequests() + " / " + share;
    }
  }

  /** One fsbench run; its printed number (ns per op, MB/s, ms). */
  private static double run(String fsbench, String... args) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(fsbench));
    cmd.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0) {
      throw new IllegalStateException(cmd + " failed: " + out);
    }
    return Double.parseDouble(out.split("\\s+")[0]);
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
