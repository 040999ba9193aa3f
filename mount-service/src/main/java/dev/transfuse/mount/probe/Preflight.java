package dev.transfuse.mount.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Checks, before bpftrace is started, the reasons it could not work, so that the probe can say
 * which one in a sentence instead of relaying a compiler error: missing tool, not root, kernel
 * lockdown, tracefs, and the tracepoints the program uses. Mounts tracefs when it is missing,
 * as the {@code fuse-requests} tool does.
 */
final class Preflight {
  private static final List<String> TRACEPOINTS = List.of(
      "fuse/fuse_request_send", "fuse/fuse_request_end",
      "syscalls/sys_enter_statx", "syscalls/sys_exit_statx",
      "syscalls/sys_enter_newfstatat", "syscalls/sys_enter_newfstat",
      "syscalls/sys_enter_newstat", "syscalls/sys_enter_newlstat",
      "syscalls/sys_enter_getdents64", "syscalls/sys_enter_read", "syscalls/sys_enter_pread64");

  private Preflight() {}

  /** Why the probe cannot run, or empty when it may try. */
  static Optional<String> check(ProbeOptions options) {
    Path bpftrace = options.bpftrace();
    if (!Files.isRegularFile(bpftrace)) {
      return Optional.of("bpftrace not found at " + bpftrace);
    }
    if (!Files.isExecutable(bpftrace)) {
      return Optional.of(bpftrace + " is not executable");
    }
    long euid = effectiveUid();
    if (euid != 0) {
      return Optional.of("not root (effective uid " + euid + "); eBPF tracing needs root");
    }
    String lockdown = read(Path.of("/sys/kernel/security/lockdown"));
    if (lockdown.contains("[confidentiality]")) {
      return Optional.of("kernel lockdown (confidentiality) forbids eBPF reads of kernel memory");
    }
    Path events = options.tracefs().resolve("events");
    if (!Files.isDirectory(events)) {
      Optional<String> mounted = mountTracefs(options.tracefs());
      if (mounted.isPresent()) {
        return mounted;
      }
    }
    for (String tp : TRACEPOINTS) {
      if (!Files.isDirectory(events.resolve(tp))) {
        return Optional.of("tracepoint " + tp.replace('/', ':') + " missing"
            + (tp.startsWith("fuse/") ? " (fuse module not loaded?)" : ""));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> mountTracefs(Path tracefs) {
    String out;
    try {
      Process p = new ProcessBuilder("mount", "-t", "tracefs", "nodev", tracefs.toString())
          .redirectErrorStream(true).start();
      try {
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          return Optional.of("mounting tracefs at " + tracefs + " timed out");
        }
      } finally {
        p.destroyForcibly(); // no-op once it has exited; ends it on timeout or interrupt
      }
      out = new String(p.getInputStream().readAllBytes()).strip();
    } catch (IOException e) {
      out = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted while mounting tracefs");
    }
    if (!Files.isDirectory(tracefs.resolve("events"))) {
      return Optional.of("tracefs is not mounted at " + tracefs + " and mounting it failed: " + out);
    }
    return Optional.empty();
  }

  private static long effectiveUid() {
    for (String line : read(Path.of("/proc/self/status")).split("\n")) {
      if (line.startsWith("Uid:")) {
        return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
      }
    }
    return -1;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "";
    }
  }
}
