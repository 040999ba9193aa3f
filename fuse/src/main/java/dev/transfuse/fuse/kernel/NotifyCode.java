package dev.transfuse.fuse.kernel;

/**
 * Notification codes the daemon writes to /dev/fuse (in {@code fuse_out_header.error}, with
 * {@code unique = 0}).
 */
public final class NotifyCode {
  public static final int INVAL_INODE = 2;
  public static final int INVAL_ENTRY = 3;
  public static final int STORE = 4;
  public static final int RETRIEVE = 5;
  public static final int DELETE = 6;

  /** {@code fuse_notify_inval_entry_out.flags}: expire the dentry instead of dropping it. */
  public static final int EXPIRE_ONLY = 1;

  private NotifyCode() {}
}
