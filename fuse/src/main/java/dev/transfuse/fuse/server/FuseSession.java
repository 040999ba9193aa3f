package dev.transfuse.fuse.server;

import dev.transfuse.fuse.api.ConnectionInfo;
import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.api.KernelControl;
import dev.transfuse.fuse.kernel.InitFlags;
import dev.transfuse.fuse.mount.FuseDevice;
import dev.transfuse.fuse.mount.MountException;
import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.fuse.mount.Mounter;
import dev.transfuse.fuse.mount.Native;
import dev.transfuse.fuse.wire.ReplyBuffer;
import dev.transfuse.fuse.wire.RequestView;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mounted filesystem: mounts, answers INIT, then serves requests on a pool of worker threads
 * until unmounted. {@link #mount} returns once the mount is ready to use.
 *
 * <p>Lifecycle is an atomic state machine (RUNNING → CLOSING → CLOSED). {@link #close} is
 * idempotent and bounded in time: it unmounts lazily (open files keep working until closed), and
 * if the workers have not seen the connection end shortly after, aborts the connection through
 * fusectl so that no caller stays blocked on a dead mount. A JVM shutdown hook closes every
 * session still mounted.
 */
public final class FuseSession implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FuseSession.class);
  private static final List<FuseSession> LIVE = new CopyOnWriteArrayList<>();
  private static final Duration DRAIN = Duration.ofSeconds(2);
  /** Workers beyond the resident ones start while all are busy, up to this many times as many. */
  private static final int MAX_WORKERS_PER_RESIDENT = 4;

  static {
    Thread hook = new Thread(() -> LIVE.forEach(FuseSession::close), "transfuse-unmount-all");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private enum State { RUNNING, CLOSING, CLOSED }

  private final Path mountpoint;
  private final FuseDevice device;
  private final ConnectionInfo connection;
  private final KernelNotifier notifier;
  private final RequestCounters counters = new RequestCounters();
  private WorkerPool pool;
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
  private final long connectionId;
  private final long deviceNumber;
  /** Identity of /sys/fs/fuse/connections/N while it is ours (ids are reused after unmount). */
  private final Object controlDirKey;

  private FuseSession(Path mountpoint, FuseDevice device, ConnectionInfo connection,
      long connectionId, long deviceNumber) {
    this.mountpoint = mountpoint;
    this.device = device;
    this.connection = connection;
    this.notifier = new KernelNotifier(device, connection);
    this.connectionId = connectionId;
    this.deviceNumber = deviceNumber;
    this.controlDirKey = controlDirKey(connectionId);
  }

  /**
   * Mounts {@code fs} on {@code mountpoint} and starts serving it.
   *
   * @throws MountException naming the mountpoint and the reason (missing, not a directory,
   *     busy, no permission, kernel refused)
   */
  public static FuseSession mount(Path mountpoint, Filesystem fs, SessionOptions options)
      throws MountException {
    Path target = mountpoint.toAbsolutePath().normalize();
    FuseDevice device = Mounter.mount(target, options.mount());
    try {
      ConnectionInfo info = answerInit(device, options);
      MountTable.Entry entry = MountTable.at(target).orElseThrow(
          () -> new MountException(target, "mount vanished right after INIT"));
      FuseSession session = new FuseSession(target, device, info, entry.connectionId(),
          entry.statDevice());
      fs.init(info, session.notifier);
      session.start(fs, options);
      LIVE.add(session);
      log.info("mounted {} on {} (FUSE 7.{}, flags {}, {} workers)", options.mount().fsName(),
          target, info.minor(), InitFlags.describe(info.flags()), options.workers());
      return session;
    } catch (IOException e) {
      device.close();
      try {
        Mounter.unmount(target, true);
      } catch (MountException ignored) {
        // nothing mounted, or already gone
      }
      if (e instanceof MountException me) {
        throw me;
      }
      throw new MountException(target, "FUSE handshake failed: " + e.getMessage(), e);
    }
  }

  /** Reads and answers INIT (twice if the kernel first offers a newer major). */
  private static ConnectionInfo answerInit(FuseDevice device, SessionOptions options)
      throws IOException {
    ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    ByteBuffer out = ByteBuffer.allocateDirect(4096);
    RequestView req = new RequestView(in);
    ReplyBuffer reply = new ReplyBuffer(out);
    InitNegotiation init = new InitNegotiation(options, Mounter.directMountAllowed());
    for (int attempt = 0; attempt < 2; attempt++) {
      long n;
      do {
        n = device.read(Native.pointerTo(in), in.capacity());
      } while (n == -4 || n == -11); // EINTR, EAGAIN
      if (n < 0) {
        throw new IOException("reading INIT failed: " + Native.describe((int) -n));
      }
      req.received((int) n);
      InitNegotiation.Result result = init.answer(req, reply);
      int rc = device.write(Native.pointerTo(out), result.replyLength());
      if (rc < 0) {
        throw new IOException("answering INIT failed: " + Native.describe(-rc));
      }
      if (result.connection() != null) {
        return result.connection();
      }
    }
    throw new IOException("the kernel did not settle on FUSE protocol 7");
  }

  private void start(Filesystem fs, SessionOptions options) {
    List<Worker> serving = new CopyOnWriteArrayList<>();
    Dispatcher dispatcher = new Dispatcher(fs, connection, counters, serving);
    pool = new WorkerPool(device, dispatcher, serving, connection.maxWrite(), options.workers(),
        MAX_WORKERS_PER_RESIDENT * options.workers(), mountpoint.getFileName().toString());
    pool.start();
  }

  public Path mountpoint() {
    return mountpoint;
  }

  public ConnectionInfo connection() {
    return connection;
  }

  /** Notifications and passthrough for this mount. */
  public KernelControl kernel() {
    return notifier;
  }

  /** Requests per opcode that reached this daemon. */
  public RequestCounters counters() {
    return counters;
  }

  /** The FUSE connection id (/sys/fs/fuse/connections/N, tracepoint {@code connection}). */
  public long connectionId() {
    return connectionId;
  }

  /** The mount's st_dev, as {@code stat -c %d} prints it. */
  public long deviceNumber() {
    return deviceNumber;
  }

  /** True until the mount is closed or the kernel ended the connection. */
  public boolean isAlive() {
    return state.get() == State.RUNNING && pool.threads().stream().anyMatch(Thread::isAlive);
  }

  /** Waits until every worker has stopped (the mount was unmounted), at most {@code timeout}. */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread t : pool.threads()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedJoin(t, left);
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Unmounts and stops serving; idempotent, returns within a few seconds. A second caller waits
   * for the first to finish: a JVM shutdown hook must not return (and let the JVM halt) while
   * another thread is halfway through the unmount.
   */
  @Override
  public void close() {
    if (!state.compareAndSet(State.RUNNING, State.CLOSING)) {
      try {
        closed.await(3 * DRAIN.toMillis() + 1000, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    LIVE.remove(this);
    notifier.close();
    try {
      if (MountTable.at(mountpoint).filter(e -> e.connectionId() == connectionId).isPresent()) {
        Mounter.unmount(mountpoint, true);
      }
      if (!awaitTermination(DRAIN)) {
        // Lazily unmounted but still referenced (open files, a caller blocked in us): end the
        // connection so every waiting caller gets an error instead of hanging.
        abortConnection();
        if (!awaitTermination(DRAIN)) {
          log.warn("{}: workers still busy in the filesystem after abort; leaving them",
              mountpoint);
        }
      }
    } catch (IOException e) {
      log.warn("unmounting {} failed: {}", mountpoint, e.getMessage());
      abortConnection();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abortConnection();
    } finally {
      pool.stop();
      device.close();
      state.set(State.CLOSED);
      closed.countDown();
      log.info("unmounted {}", mountpoint);
    }
  }

  private static final Path CONNECTIONS = Path.of("/sys/fs/fuse/connections");

  /**
   * The file key of this connection's fusectl directory, mounting fusectl if needed; null if
   * there is none. Once our connection ends its id can be given to a new mount, whose directory
   * is a new inode: comparing keys keeps {@link #abortConnection} from ending someone else's.
   */
  private static Object controlDirKey(long connectionId) {
    Path dir = CONNECTIONS.resolve(Long.toString(connectionId));
    try {
      if (!Files.exists(dir)) {
        Native.LIBC.mount("fusectl", CONNECTIONS.toString(), "fusectl", 0, null);
      }
      return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class)
          .fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  /** Ends the connection through fusectl, if it is still ours. */
  private void abortConnection() {
    Path dir = CONNECTIONS.resolve(Long.toString(connectionId));
    try {
      Object key = controlDirKey(connectionId);
      if (key == null || !key.equals(controlDirKey)) {
        log.info("{}: FUSE connection {} already ended", mountpoint, connectionId);
        return;
      }
      Files.writeString(dir.resolve("abort"), "1");
      log.warn("{}: aborted FUSE connection {}", mountpoint, connectionId);
    } catch (IOException e) {
      log.warn("{}: cannot abort FUSE connection {}: {}", mountpoint, connectionId,
          e.getMessage());
    }
  }
}
