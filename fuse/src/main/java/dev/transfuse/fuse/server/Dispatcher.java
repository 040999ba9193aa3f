package dev.transfuse.fuse.server;

import dev.transfuse.fuse.api.AttrReply;
import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.api.Created;
import dev.transfuse.fuse.api.Entry;
import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.api.FuseException;
import dev.transfuse.fuse.api.Opened;
import dev.transfuse.fuse.api.SetAttr;
import dev.transfuse.fuse.api.StatFs;
import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.fuse.kernel.InitFlags;
import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.kernel.OpenFlags;
import dev.transfuse.fuse.kernel.Sizes;
import dev.transfuse.fuse.wire.DirentWriter;
import dev.transfuse.fuse.wire.ReplyBuffer;
import dev.transfuse.fuse.wire.RequestView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one request, calls the {@link Filesystem}, and encodes exactly one reply (none for
 * FORGET, BATCH_FORGET and INTERRUPT). A {@link FuseException} becomes its errno; anything else
 * thrown becomes EIO and one error log line, and the loop goes on.
 *
 * <p>{@link #handle} is the one long method here: a switch over opcodes, each case decoding
 * its {@code fuse_*_in} struct at the offsets of {@code fuse_kernel.h}.
 */
final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final Filesystem fs;
  private final ConnectionInfo connection;
  private final RequestCounters counters;
  private final List<Worker> workers;

  Dispatcher(Filesystem fs, ConnectionInfo connection, RequestCounters counters,
      List<Worker> workers) {
    this.fs = fs;
    this.connection = connection;
    this.counters = counters;
    this.workers = workers;
  }

  void timed(int opcode, long nanos) {
    counters.addTime(opcode, nanos);
  }

  /** Serves {@code req}; returns the reply's length in {@code out}, or 0 for no reply. */
  int handle(RequestView req, ReplyBuffer out, DirentWriter dirents, WorkerCaller caller) {
    int opcode = req.opcode();
    counters.increment(opcode);
    out.begin(req.unique());
    long node = req.nodeId();
    try {
      Opcode op = Opcode.of(opcode);
      if (op == null) {
        return out.finishError(Errno.ENOSYS);
      }
      switch (op) {
        case LOOKUP -> out.entry(fs.lookup(caller, node, req.name(0)));
        case FORGET -> {
          fs.forget(node, req.u64(0));
          return 0;
        }
        case BATCH_FORGET -> {
          int count = req.u32(0);
          for (int i = 0; i < count; i++) {
            fs.forget(req.u64(8 + i * Sizes.FORGET_ONE), req.u64(16 + i * Sizes.FORGET_ONE));
          }
          return 0;
        }
        case GETATTR -> {
          long fh = (req.u32(0) & 1) != 0 ? req.u64(8) : -1; // FUSE_GETATTR_FH
          AttrReply a = fs.getattr(caller, node, fh);
          out.attrOut(a.attr(), a.timeoutNanos());
        }
        case SETATTR -> {
          SetAttr change = new SetAttr(req.u32(0), req.u64(8), req.u64(16),
              nanos(req.u64(32), req.u32(56)), nanos(req.u64(40), req.u32(60)),
              req.u32(68), req.u32(76), req.u32(80));
          AttrReply a = fs.setattr(caller, node, change);
          out.attrOut(a.attr(), a.timeoutNanos());
        }
        case MKDIR -> out.entry(fs.mkdir(caller, node, req.name(8), req.u32(0), req.u32(4)));
        case UNLINK -> fs.unlink(caller, node, req.name(0));
        case RMDIR -> fs.rmdir(caller, node, req.name(0));
        case RENAME -> fs.rename(caller, node, req.name(8), req.u64(0),
            req.name(req.afterName(8)), 0);
        case RENAME2 -> fs.rename(caller, node, req.name(16), req.u64(0),
            req.name(req.afterName(16)), req.u32(8));
        case OPEN -> out.open(fs.open(caller, node, req.u32(0)));
        case CREATE -> {
          Created c = fs.create(caller, node, req.name(16), req.u32(4), req.u32(8), req.u32(0));
          out.entry(c.entry()).open(c.opened());
        }
        case READ -> {
          ByteBuffer dst = out.payload(req.u32(16));
          fs.read(caller, node, req.u64(0), req.u64(8), dst);
          out.position(dst.position());
        }
        case WRITE -> {
          int size = req.u32(16);
          int n = fs.write(caller, node, req.u64(0), req.u64(8),
              req.slice(Sizes.WRITE_IN, size), req.u32(20));
          out.u32(n).u32(0);
        }
        case STATFS -> statfs(out, fs.statfs(caller, node));
        case RELEASE -> fs.release(caller, node, req.u64(0), req.u32(8));
        case FSYNC -> fs.fsync(caller, node, req.u64(0), (req.u32(8) & 1) != 0);
        case FLUSH -> fs.flush(caller, node, req.u64(0));
        case GETXATTR -> {
          byte[] value = fs.getxattr(caller, node, req.name(8));
          return xattrReply(out, value, req.u32(0));
        }
        case LISTXATTR -> {
          StringBuilder names = new StringBuilder();
          for (String n : fs.listxattr(caller, node)) {
            names.append(n).append('\0');
          }
          return xattrReply(out, names.toString().getBytes(StandardCharsets.UTF_8), req.u32(0));
        }
        case OPENDIR -> out.open(opendir(caller, node, req.u32(0)));
        case READDIR -> {
          dirents.start(req.u32(16));
          fs.readdir(caller, node, req.u64(0), req.u64(8), dirents);
        }
        case READDIRPLUS -> {
          dirents.start(req.u32(16));
          fs.readdirplus(caller, node, req.u64(0), req.u64(8), dirents);
        }
        case RELEASEDIR -> fs.releasedir(caller, node, req.u64(0));
        case FSYNCDIR -> fs.fsyncdir(caller, node, req.u64(0), (req.u32(8) & 1) != 0);
        case ACCESS -> fs.access(caller, node, req.u32(0));
        case LSEEK -> out.u64(fs.lseek(caller, node, req.u64(0), req.u64(8), req.u32(16)));
        case INTERRUPT -> {
          interrupt(req.u64(0));
          return 0;
        }
        case DESTROY -> fs.destroy();
        default -> {
          return out.finishError(Errno.ENOSYS);
        }
      }
      return out.finishOk();
    } catch (FuseException e) {
      return out.finishError(e.errno());
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError) {
        log.error("{} on node {}: out of resources; answering EIO", opName(opcode), node, e);
      } else {
        log.error("{} on node {} failed; answering EIO", opName(opcode), node, e);
      }
      return out.finishError(Errno.EIO);
    }
  }

  /**
   * ENOSYS from the filesystem asks for the zero-message path; where the kernel cannot take it,
   * answer as it would have: a cacheable directory with handle 0.
   */
  private Opened opendir(WorkerCaller caller, long node, int flags) throws FuseException {
    try {
      return fs.opendir(caller, node, flags);
    } catch (FuseException e) {
      if (e.errno() == Errno.ENOSYS && !connection.kernelOffers(InitFlags.NO_OPENDIR_SUPPORT)) {
        return Opened.of(0, OpenFlags.KEEP_CACHE | OpenFlags.CACHE_DIR);
      }
      throw e;
    }
  }

  private static int xattrReply(ReplyBuffer out, byte[] value, int size) {
    if (size == 0) {
      out.u32(value.length).u32(0); // the caller asks for the size first
    } else if (value.length > size) {
      return out.finishError(Errno.ERANGE);
    } else {
      out.bytes(value, 0, value.length);
    }
    return out.finishOk();
  }

  private static void statfs(ReplyBuffer out, StatFs s) {
    out.u64(s.blocks()).u64(s.blocksFree()).u64(s.blocksAvailable())
        .u64(s.files()).u64(s.filesFree())
        .u32(s.blockSize()).u32(s.maxNameLength()).u32(s.blockSize()).u32(0)
        .zeros(24);
  }

  private void interrupt(long target) {
    for (Worker w : workers) {
      if (w.caller.interruptIfServing(target)) {
        return;
      }
    }
    // Not being served (finished, or not read yet): nothing to do; a finished one was answered.
  }

  private static long nanos(long seconds, int nsec) {
    return seconds * 1_000_000_000L + nsec;
  }

  private static String opName(int opcode) {
    Opcode op = Opcode.of(opcode);
    return op == null ? "opcode " + opcode : op.name();
  }
}
