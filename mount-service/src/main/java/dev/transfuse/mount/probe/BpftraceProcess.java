package dev.transfuse.mount.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running bpftrace with {@link BpftraceProgram}: two named daemon threads read its stdout
 * (into {@link Sample}s for the listener) and stderr (kept for error messages). The process is
 * ended by {@link #stop()}, and by a shutdown hook should the JVM exit first.
 */
final class BpftraceProcess {
  /** Called on the stdout thread, in this order: attached, samples..., exited (unless stopped). */
  interface Listener {
    void attached();

    void sample(Sample sample);

    void exited(String reason);
  }

  private static final Logger log = LoggerFactory.getLogger(BpftraceProcess.class);
  /** Room for some ten mounts' latency buckets; bpftrace's default of 4,096 keys is tight. */
  private static final String MAP_KEYS_MAX = "16384";
  private static final int STDERR_LINES = 20;

  private final Process process;
  private final Thread shutdownHook;
  private final Deque<String> stderr = new ArrayDeque<>();
  private volatile boolean stopping;

  private BpftraceProcess(Process process) {
    this.process = process;
    this.shutdownHook = new Thread(() -> {
      stopping = true;
      end();
    }, "transfuse-probe-shutdown");
  }

  static BpftraceProcess start(ProbeOptions options, Listener listener)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(options.bpftrace().toString(), "-f", "json",
        "-B", "none", "--no-warnings", "-e", BpftraceProgram.text(options.interval()));
    pb.environment().put("BPFTRACE_MAP_KEYS_MAX", MAP_KEYS_MAX);
    BpftraceProcess bp = new BpftraceProcess(pb.start());
    Runtime.getRuntime().addShutdownHook(bp.shutdownHook);
    bp.thread("transfuse-probe-stderr", bp::readStderr).start();
    bp.thread("transfuse-probe-stdout", () -> bp.readStdout(new SampleParser(), listener))
        .start();
    log.info("bpftrace started (pid {})", bp.process.pid());
    return bp;
  }

  long pid() {
    return process.pid();
  }

  /** Ends bpftrace (SIGTERM, then SIGKILL after 5 s) and waits for it; idempotent. */
  void stop() {
    stopping = true;
    end();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down, and the hook has done or does the same
    }
  }

  private void end() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private Thread thread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    return t;
  }

  private void readStdout(SampleParser parser, Listener listener) {
    try (BufferedReader r = reader(process.getInputStream())) {
      for (String line; (line = r.readLine()) != null; ) {
        switch (parser.accept(line)) {
          case ATTACHED -> listener.attached();
          case TICK -> listener.sample(parser.takeSample());
          default -> { }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!stopping) { // stopping closes the pipe under the reader
        log.warn("reading bpftrace output failed", e);
        end();
      }
    }
    if (stopping) {
      return;
    }
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String code = process.isAlive() ? "stopped printing" : "exited with " + process.exitValue();
    listener.exited("bpftrace " + code + stderrTail());
  }

  private void readStderr() {
    try (BufferedReader r = reader(process.getErrorStream())) {
      for (String line; (line = r.readLine()) != null; ) {
        // bpftrace warns about RLIMIT_MEMLOCK on kernels that account BPF memory by cgroup
        if (line.isBlank() || line.contains("RLIMIT_MEMLOCK")) {
          continue;
        }
        synchronized (stderr) {
          stderr.addLast(line.strip());
          if (stderr.size() > STDERR_LINES) {
            stderr.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // the process is gone; what was read is kept
    }
  }

  /** The first error line bpftrace wrote, else its last line, as ": ..."; empty when silent. */
  String stderrTail() {
    synchronized (stderr) {
      String pick = stderr.stream().filter(l -> l.startsWith("ERROR")).findFirst()
          .orElse(stderr.peekLast());
      return pick == null ? "" : ": " + pick;
    }
  }

  private static BufferedReader reader(java.io.InputStream in) {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
