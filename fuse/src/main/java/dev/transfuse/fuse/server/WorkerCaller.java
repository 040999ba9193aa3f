package dev.transfuse.fuse.server;

import dev.transfuse.fuse.api.Caller;
import dev.transfuse.fuse.wire.RequestView;

/**
 * The {@link Caller} of the request a worker is serving, reused for every request so that
 * serving one allocates nothing. INTERRUPT from another worker finds it by unique id.
 */
final class WorkerCaller implements Caller {
  private int uid;
  private int gid;
  private int pid;
  private volatile long unique;
  private volatile boolean interrupted;

  void start(RequestView req) {
    uid = req.uid();
    gid = req.gid();
    pid = req.pid();
    interrupted = false;
    unique = req.unique();
  }

  void done() {
    unique = 0;
  }

  /** Marks the request interrupted if this worker is serving {@code target}. */
  boolean interruptIfServing(long target) {
    if (target != 0 && unique == target) {
      interrupted = true;
      return true;
    }
    return false;
  }

  @Override
  public int uid() {
    return uid;
  }

  @Override
  public int gid() {
    return gid;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public long unique() {
    return unique;
  }

  @Override
  public boolean interrupted() {
    return interrupted;
  }
}
