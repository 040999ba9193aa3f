package dev.transfuse.fuse.server;

import dev.transfuse.fuse.kernel.Errno;
import dev.transfuse.fuse.mount.FuseDevice;
import dev.transfuse.fuse.mount.Native;
import dev.transfuse.fuse.wire.DirentWriter;
import dev.transfuse.fuse.wire.ReplyBuffer;
import dev.transfuse.fuse.wire.RequestView;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request loop: read a request from its own /dev/fuse fd into a reused direct buffer,
 * dispatch it, write the reply from another reused buffer in one write(2). Nothing is allocated
 * per request beyond what the filesystem's answer needs.
 */
final class Worker implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final FuseDevice device;
  private final Dispatcher dispatcher;
  private final RequestView request;
  private final Pointer requestMemory;
  private final ReplyBuffer reply;
  private final Pointer replyMemory;
  private final DirentWriter dirents;
  private final WorkerPool pool;
  /** Started because every worker was busy; leaves again when enough are idle. */
  final boolean extra;
  final WorkerCaller caller = new WorkerCaller();

  Worker(FuseDevice device, Dispatcher dispatcher, int maxWrite, WorkerPool pool, boolean extra) {
    this.device = device;
    this.dispatcher = dispatcher;
    this.pool = pool;
    this.extra = extra;
    // The kernel refuses reads into buffers smaller than max(8192, headers + max_write).
    ByteBuffer in = ByteBuffer.allocateDirect(maxWrite + 4096);
    ByteBuffer out = ByteBuffer.allocateDirect(maxWrite + 4096);
    this.request = new RequestView(in);
    this.requestMemory = Native.pointerTo(in);
    this.reply = new ReplyBuffer(out);
    this.replyMemory = Native.pointerTo(out);
    this.dirents = new DirentWriter(reply);
  }

  @Override
  public void run() {
    while (true) {
      long n = device.read(requestMemory, request.buffer().capacity());
      if (n < 0) {
        int errno = (int) -n;
        if (errno == Errno.ENOENT || errno == Errno.EINTR || errno == Errno.EAGAIN) {
          continue; // the request was interrupted before we read it, or a signal: read again
        }
        if (errno != Errno.ENODEV && errno != Errno.EBADF) {
          log.warn("reading /dev/fuse failed: {}; stopping this worker", Native.describe(errno));
        }
        return; // ENODEV: unmounted or aborted
      }
      long started = System.nanoTime();
      pool.busy();
      request.received((int) n);
      caller.start(request);
      int length = dispatcher.handle(request, reply, dirents, caller);
      caller.done();
      if (length > 0) {
        int rc = device.write(replyMemory, length);
        // ENOENT: the request was interrupted or aborted meanwhile, nobody waits for the answer.
        if (rc < 0 && rc != -Errno.ENOENT) {
          if (rc == -Errno.ENODEV) {
            return;
          }
          log.warn("reply to request {} failed: {}", request.unique(), Native.describe(-rc));
        }
      }
      dispatcher.timed(request.opcode(), System.nanoTime() - started);
      if (pool.idle(this)) {
        return;
      }
    }
  }

  FuseDevice device() {
    return device;
  }

  void closeDevice() {
    device.close();
  }
}
