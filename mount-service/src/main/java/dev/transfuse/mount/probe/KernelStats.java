package dev.transfuse.mount.probe;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the kernel served for one mount and what reached its daemon, shaped for
 * {@code GET /api/v1/mounts/{name}/kernel-stats}: serialize it as is. When the probe cannot run,
 * {@code available} is false, {@code reason} says why ("unavailable: ...") and both windows are
 * absent; when it runs, {@code reason} is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KernelStats(boolean available, String reason, Window sinceMount, Window last10s) {

  public static KernelStats unavailable(String why) {
    return new KernelStats(false, "unavailable: " + why, null, null);
  }

  /**
   * One time window. {@code opcodes} is keyed by the kernel header's opcode name (GETATTR,
   * LOOKUP, ...; OP_n for one this build does not name) and ordered by count, highest first;
   * {@code topProcesses} lists the tasks whose calls sent the most requests to the daemon.
   */
  public record Window(double seconds, Category stat, Category readdir, Category read,
      Map<String, Opcode> opcodes, List<Process> topProcesses) {}

  /**
   * Application calls in one category and the daemon requests they stand against:
   * stat = statx/newfstatat/newfstat/stat/lstat calls vs LOOKUP + GETATTR + STATX;
   * readdir = getdents64 vs OPENDIR + READDIR + READDIRPLUS; read = read/pread64 vs READ.
   * {@code kernelServedShare} = 1 − daemonRequests ÷ calls, clamped to [0, 1]; null without calls.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Category(long calls, long daemonRequests, Double kernelServedShare) {
    static Category of(long calls, long daemonRequests) {
      Double share = calls == 0 ? null
          : Math.max(0.0, Math.min(1.0, 1.0 - (double) daemonRequests / calls));
      return new Category(calls, daemonRequests, share);
    }
  }

  /** Requests of one opcode and their send-to-reply latency (from log-linear buckets, ≤ 1/8 wide). */
  public record Opcode(long count, double p50Micros, double p99Micros) {}

  /** A task (thread group id and its comm at the time) and how many requests it caused. */
  public record Process(int pid, String comm, long daemonRequests) {}
}
