package dev.transfuse.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** bin/transfuse run as a process, the way a user runs it. */
final class TransfuseProcess {
  static final Path REPO = findRepo();

  private TransfuseProcess() {}

  record Result(int exit, String out, String err) {}

  private static Path findRepo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bin/transfuse"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("bin/transfuse not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(REPO.resolve("bin/transfuse").toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Runs a CLI command to completion. */
  static Result run(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("transfuse-cli", ".out");
    Path err = Files.createTempFile("transfuse-cli", ".err");
    Process p = new ProcessBuilder(command(args)).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", args));
    }
    Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** Starts a long-running command; its output goes to {@code log}. */
  static Process start(Path log, Path cwd, String... args) throws IOException {
    return new ProcessBuilder(command(args)).directory(cwd.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits until {@code log} contains {@code text}, or fails with the log. */
  static void awaitLog(Path log, String text, Duration timeout, Process p) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains(text)) {
        return;
      }
      if (!p.isAlive()) {
        throw new AssertionError("process ended (exit " + p.exitValue() + "):\n"
            + Files.readString(log));
      }
      Thread.sleep(200);
    }
    throw new AssertionError("'" + text + "' not seen in " + timeout + ":\n"
        + Files.readString(log));
  }

  /** SIGTERM, as Ctrl-C or a service manager would stop it, then wait. */
  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("did not stop within 60 s of SIGTERM");
    }
  }
}
