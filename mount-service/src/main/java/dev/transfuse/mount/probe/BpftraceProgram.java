package dev.transfuse.mount.probe;

import java.time.Duration;

/**
 * The one bpftrace program the probe runs for every mount, and the names it prints.
 *
 * <p>Why bpftrace rather than libbpf: a libbpf program would have to be compiled by the build
 * (clang, bpftool, kernel headers or BTF-generated vmlinux.h) and loaded through a native
 * binding that the JVM lacks, for a measurement that is a diagnostic, not a hot path. Debian's
 * bpftrace is one package, resolves kernel structs from the running kernel's BTF when the
 * program loads (so {@code task_struct} offsets are never baked into our build), and hands
 * back JSON that Jackson reads. What it costs is a 1-2 s compile when the first mount
 * registers, and an extra process, which the probe owns and always ends.
 *
 * <p>The program is static: it keeps cumulative counters keyed by device number for every
 * FUSE filesystem (and stat results for every device), and the JVM picks out the registered
 * mounts. So mounts come and go without restarting bpftrace or losing events, and counters are
 * never cleared between prints (a print followed by a clear would drop what other CPUs added in
 * between). Only the per-process map is cleared each tick: it would otherwise grow with every
 * pid, and it only ranks processes.
 *
 * <p>What is counted, all keyed by the kernel's dev_t ({@code major << 20 | minor}, the
 * {@code connection} of the fuse tracepoints) unless said otherwise:
 * <ul>
 *   <li>{@code @req[conn, opcode]}: requests sent to the daemon ({@code fuse:fuse_request_send});
 *   <li>{@code @lat[conn, opcode, bucket]}: send-to-end latency, matched by {@code unique}, in
 *       log-linear buckets (8 per power of two, see {@link LatencyBuckets});
 *   <li>{@code @proc[conn, pid]} and {@code @comm[pid]}: requests per sending task, per tick;
 *   <li>{@code @stat[dev]} / {@code @ustat[st_dev]}: stat-family calls, attributed at syscall
 *       exit to the device the call resolved to ({@code statx} reports major/minor,
 *       {@code struct stat} the user-space st_dev, hence two maps). That covers absolute and
 *       relative paths, {@code ..}, symlinks and fd-based calls ({@code fstat} is
 *       {@code newfstatat(fd, "", AT_EMPTY_PATH)} in glibc) exactly. A failed call is counted
 *       on the device of the directory it started from (the cwd or the dfd), so kernel-served
 *       negative lookups of relative names count too; a failed absolute path is not counted;
 *   <li>{@code @dents[dev]}, {@code @read[dev]}: {@code getdents64} and {@code read}/{@code pread64}
 *       calls on an fd of a FUSE superblock, found through {@code curtask->files->fdt}.
 * </ul>
 * Each tick prints every map, then the line {@code tick NSECS}: the CLOCK_MONOTONIC time at
 * which the interval probe fired, before any map was read, so that a caller can tell which
 * tick is sure to include what it did (the JVM's {@code System.nanoTime()} is the same clock).
 */
final class BpftraceProgram {
  static final String TICK = "tick";
  static final String REQUESTS = "@req";
  static final String LATENCY = "@lat";
  static final String PROCESSES = "@proc";
  static final String COMMS = "@comm";
  static final String STAT_KERNEL_DEV = "@stat";
  static final String STAT_USER_DEV = "@ustat";
  static final String GETDENTS = "@dents";
  static final String READS = "@read";

  /** FUSE_SUPER_MAGIC, the s_magic of fuse and fuseblk superblocks. */
  private static final String FUSE_MAGIC = "0x65735546";
  /** FORGET, INTERRUPT and BATCH_FORGET get no reply, so no fuse_request_end. */
  private static final String NO_REPLY = "$op != 2 && $op != 36 && $op != 42";

  private BpftraceProgram() {}

  static String text(Duration interval) {
    long ms = Math.max(1, interval.toMillis());
    return String.join("\n",
        "tracepoint:fuse:fuse_request_send {",
        "  $c = (uint64)args->connection; $op = (uint64)args->opcode;",
        "  @req[$c, $op] = count();",
        "  @proc[$c, (uint64)pid] = count();",
        "  @comm[(uint64)pid] = comm;",
        "  if (" + NO_REPLY + ") {",
        "    @sent[$c, args->unique] = nsecs;",
        "    @sentop[$c, args->unique] = $op;",
        "  }",
        "}",
        "tracepoint:fuse:fuse_request_end /@sent[(uint64)args->connection, args->unique]/ {",
        "  $c = (uint64)args->connection;",
        "  $d = nsecs - @sent[$c, args->unique];",
        bucketOf("$d", "$b"),
        "  @lat[$c, @sentop[$c, args->unique], $b] = count();",
        "  delete(@sent[$c, args->unique]);",
        "  delete(@sentop[$c, args->unique]);",
        "}",
        pathStatEnter("statx", "args->buffer"),
        pathStatEnter("newfstatat", "args->statbuf"),
        cwdStatEnter("newstat"),
        cwdStatEnter("newlstat"),
        "tracepoint:syscalls:sys_enter_newfstat {",
        "  @sbuf[tid] = (uint64)args->statbuf;",
        fdDevice("args->fd", "$from"),
        "  @sfrom[tid] = $from;",
        "}",
        "tracepoint:syscalls:sys_exit_statx {",
        "  $buf = @sbuf[tid];",
        "  if ($buf == 0) { return; }",
        "  if (args->ret == 0) {",
        "    $x = (struct statx *)$buf;",
        "    @stat[((uint64)uptr($x)->stx_dev_major << 20) | (uint64)uptr($x)->stx_dev_minor]"
            + " = count();",
        "  } else {",
        "    $from = @sfrom[tid];",
        "    if ($from != 0) { @stat[$from] = count(); }",
        "  }",
        "  delete(@sbuf[tid]); delete(@sfrom[tid]);",
        "}",
        "tracepoint:syscalls:sys_exit_newfstatat, tracepoint:syscalls:sys_exit_newstat,"
            + " tracepoint:syscalls:sys_exit_newlstat, tracepoint:syscalls:sys_exit_newfstat"
            + " {",
        "  $buf = @sbuf[tid];",
        "  if ($buf == 0) { return; }",
        "  if (args->ret == 0) {",
        "    $s = (struct stat *)$buf;",
        "    @ustat[(uint64)uptr($s)->st_dev] = count();",
        "  } else {",
        "    $from = @sfrom[tid];",
        "    if ($from != 0) { @stat[$from] = count(); }",
        "  }",
        "  delete(@sbuf[tid]); delete(@sfrom[tid]);",
        "}",
        "tracepoint:syscalls:sys_enter_getdents64 {",
        fuseFdDevice("args->fd", "@dents"),
        "}",
        "tracepoint:syscalls:sys_enter_read, tracepoint:syscalls:sys_enter_pread64 {",
        fuseFdDevice("args->fd", "@read"),
        "}",
        "interval:ms:" + ms + " {",
        "  print(@req); print(@lat); print(@stat); print(@ustat); print(@dents); print(@read);",
        "  print(@proc); print(@comm); clear(@proc); clear(@comm);",
        "  printf(\"" + TICK + " %llu\\n\", nsecs);",
        "}",
        // bpftrace prints every map on exit; the JVM is no longer listening then.
        "END {",
        "  clear(@req); clear(@lat); clear(@stat); clear(@ustat); clear(@dents); clear(@read);",
        "  clear(@proc); clear(@comm); clear(@sent); clear(@sentop); clear(@sbuf); clear(@sfrom);",
        "}",
        "");
  }

  /** Enter probe of a (dfd, filename) stat call: remember the buffer and the start device. */
  private static String pathStatEnter(String syscall, String buffer) {
    return String.join("\n",
        "tracepoint:syscalls:sys_enter_" + syscall + " {",
        "  @sbuf[tid] = (uint64)" + buffer + ";",
        "  $from = (uint64)0;",
        "  if (*uptr((uint8 *)args->filename) != 47) {",
        "    if (((uint64)args->dfd & 0xffffffff) == 0xffffff9c) {",
        "      $from = (uint64)curtask->fs->pwd.mnt->mnt_sb->s_dev;",
        "    } else {",
        fdDevice("args->dfd", "$from"),
        "    }",
        "  }",
        "  @sfrom[tid] = $from;",
        "}");
  }

  /** Enter probe of a cwd-relative stat call ({@code stat(2)}, {@code lstat(2)}). */
  private static String cwdStatEnter(String syscall) {
    return String.join("\n",
        "tracepoint:syscalls:sys_enter_" + syscall + " {",
        "  @sbuf[tid] = (uint64)args->statbuf;",
        "  $from = (uint64)0;",
        "  if (*uptr((uint8 *)args->filename) != 47) {",
        "    $from = (uint64)curtask->fs->pwd.mnt->mnt_sb->s_dev;",
        "  }",
        "  @sfrom[tid] = $from;",
        "}");
  }

  /** Sets {@code var} to the device of the file open as {@code fd} in this task, else 0. */
  private static String fdDevice(String fd, String var) {
    return String.join("\n",
        "  $fdt = curtask->files->fdt;",
        "  if ((uint64)" + fd + " < (uint64)$fdt->max_fds) {",
        "    $f = *($fdt->fd + (uint64)" + fd + ");",
        "    if ($f != 0) { " + var + " = (uint64)$f->f_inode->i_sb->s_dev; }",
        "  }");
  }

  /** Counts one call in {@code map} when {@code fd} is a file of a FUSE superblock. */
  private static String fuseFdDevice(String fd, String map) {
    return String.join("\n",
        "  $fdt = curtask->files->fdt;",
        "  if ((uint64)" + fd + " < (uint64)$fdt->max_fds) {",
        "    $f = *($fdt->fd + (uint64)" + fd + ");",
        "    if ($f != 0) {",
        "      $sb = $f->f_inode->i_sb;",
        "      if ($sb->s_magic == " + FUSE_MAGIC + ") { " + map + "[(uint64)$sb->s_dev] = count(); }",
        "    }",
        "  }");
  }

  /**
   * Sets {@code out} to the log-linear bucket of nanoseconds {@code in}: the highest set bit m
   * (found by halving, as bpftrace has no loops) times 8, plus the next three bits.
   */
  private static String bucketOf(String in, String out) {
    return String.join("\n",
        "  $v = " + in + "; $m = (uint64)0;",
        "  if ($v >= (uint64)0x100000000) { $v = $v >> 32; $m = $m + 32; }",
        "  if ($v >= (uint64)0x10000) { $v = $v >> 16; $m = $m + 16; }",
        "  if ($v >= (uint64)0x100) { $v = $v >> 8; $m = $m + 8; }",
        "  if ($v >= (uint64)0x10) { $v = $v >> 4; $m = $m + 4; }",
        "  if ($v >= (uint64)4) { $v = $v >> 2; $m = $m + 2; }",
        "  if ($v >= (uint64)2) { $m = $m + 1; }",
        "  " + out + " = $m * 8;",
        "  if ($m >= 3) { " + out + " = $m * 8 + ((" + in + " >> ($m - 3)) & 7); }");
  }
}
