package dev.transfuse.fuse.server;

import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.kernel.InitFlags;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.wire.ReplyBuffer;
import dev.transfuse.fuse.wire.RequestView;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Answers INIT: takes the kernel's version and capabilities, asks for the ones transfuse wants
 * (never assuming the kernel has them), and writes {@code fuse_init_out}.
 */
final class InitNegotiation {
  /**
   * The protocol minor we speak: 7.40 added passthrough, the newest feature used. Later minors
   * add nothing whose absence changes a layout we send or receive.
   */
  static final int OUR_MINOR = 40;
  /** Oldest kernel protocol accepted: 7.31 (Linux 5.2) has max_pages, CACHE_DIR, no-opendir. */
  static final int MIN_MINOR = 31;
  private static final int PAGE = 4096;

  private final SessionOptions options;
  private final boolean privileged;

  InitNegotiation(SessionOptions options, boolean privileged) {
    this.options = options;
    this.privileged = privileged;
  }

  /** The outcome, or null when the kernel spoke a newer major and must send INIT again. */
  record Result(ConnectionInfo connection, int replyLength) {}

  Result answer(RequestView req, ReplyBuffer out) throws IOException {
    if (req.opcode() != Opcode.INIT.code()) {
      throw new IOException("expected INIT as first request, got opcode " + req.opcode());
    }
    int major = req.u32(0);
    int minor = req.u32(4);
    int maxReadahead = req.u32(8);
    long kernelFlags = Integer.toUnsignedLong(req.u32(12));
    if ((kernelFlags & InitFlags.INIT_EXT) != 0) {
      kernelFlags |= Integer.toUnsignedLong(req.u32(16)) << 32;
    }
    out.begin(req.unique());
    if (major > 7) {
      // The kernel wants to know our major first; it will send INIT again for 7.x.
      out.u32(7).u32(OUR_MINOR);
      return new Result(null, out.finishOk());
    }
    if (major < 7 || minor < MIN_MINOR) {
      throw new IOException("kernel FUSE protocol " + major + "." + minor
          + " is too old (7." + MIN_MINOR + ", Linux 5.2, or newer needed)");
    }
    int maxPages = Math.min(maxPagesLimit(), Math.max(1, options.maxWrite() / PAGE));
    int maxWrite = maxPages * PAGE;
    long flags = wantedFlags() & kernelFlags;
    out.u32(7).u32(Math.min(minor, OUR_MINOR)).u32(maxReadahead);
    out.u32((int) flags);
    out.u16(64).u16(48); // max_background, congestion_threshold
    out.u32(maxWrite).u32(1); // max_write, time_gran (ns)
    out.u16(maxPages).u16(0); // max_pages, map_alignment
    out.u32((int) (flags >>> 32));
    out.u32((flags & InitFlags.PASSTHROUGH) != 0 ? 1 : 0); // max_stack_depth
    out.zeros(24); // request_timeout and unused
    ConnectionInfo info = new ConnectionInfo(Math.min(minor, OUR_MINOR), minor, kernelFlags,
        flags, maxWrite, maxReadahead);
    return new Result(info, out.finishOk());
  }

  long wantedFlags() {
    long f = InitFlags.ASYNC_READ | InitFlags.ATOMIC_O_TRUNC | InitFlags.BIG_WRITES
        | InitFlags.MAX_PAGES | InitFlags.PARALLEL_DIROPS | InitFlags.ASYNC_DIO
        | InitFlags.CACHE_SYMLINKS | InitFlags.INIT_EXT;
    f |= options.explicitInvalData() ? InitFlags.EXPLICIT_INVAL_DATA : InitFlags.AUTO_INVAL_DATA;
    switch (options.readdirPlus()) {
      case ALWAYS -> f |= InitFlags.DO_READDIRPLUS;
      case AUTO -> f |= InitFlags.DO_READDIRPLUS | InitFlags.READDIRPLUS_AUTO;
      case OFF -> { }
    }
    if (options.writebackCache()) {
      f |= InitFlags.WRITEBACK_CACHE;
    } else if (options.passthrough() && privileged) {
      // The kernel needs CAP_SYS_ADMIN for backing files and refuses passthrough together
      // with the writeback cache.
      f |= InitFlags.PASSTHROUGH;
    }
    return f;
  }

  /** The kernel's cap on max_pages (sysctl fs.fuse.max_pages_limit, 256 before it existed). */
  static int maxPagesLimit() {
    // Not Files.readString: on JDK 17 it returns "2" of this file's "256" (procfs reports size 0).
    try (BufferedReader r = Files.newBufferedReader(Path.of("/proc/sys/fs/fuse/max_pages_limit"))) {
      return Math.min(65535, Integer.parseInt(r.readLine().trim()));
    } catch (IOException | RuntimeException e) {
      return 256;
    }
  }
}
