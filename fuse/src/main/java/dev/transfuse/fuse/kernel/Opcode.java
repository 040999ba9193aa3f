package dev.transfuse.fuse.kernel;

/**
 * FUSE request opcodes as numbered in {@code fuse_kernel.h}, with the protocol minor version that
 * introduced each (for reading traces). Only the opcodes this library dispatches are listed; any
 * other number is answered with ENOSYS by the server.
 */
public enum Opcode {
  LOOKUP(1),
  FORGET(2),
  GETATTR(3),
  SETATTR(4),
  READLINK(5),
  SYMLINK(6),
  MKNOD(8),
  MKDIR(9),
  UNLINK(10),
  RMDIR(11),
  RENAME(12),
  LINK(13),
  OPEN(14),
  READ(15),
  WRITE(16),
  STATFS(17),
  RELEASE(18),
  FSYNC(20),
  SETXATTR(21),
  GETXATTR(22),
  LISTXATTR(23),
  REMOVEXATTR(24),
  FLUSH(25),
  INIT(26),
  OPENDIR(27),
  READDIR(28),
  RELEASEDIR(29),
  FSYNCDIR(30),
  GETLK(31),
  SETLK(32),
  SETLKW(33),
  ACCESS(34),
  CREATE(35),
  INTERRUPT(36),
  BMAP(37),
  DESTROY(38),
  IOCTL(39),
  POLL(40),
  NOTIFY_REPLY(41),
  /** 7.16 */
  BATCH_FORGET(42),
  FALLOCATE(43),
  /** 7.21 */
  READDIRPLUS(44),
  /** 7.23 */
  RENAME2(45),
  /** 7.24 */
  LSEEK(46),
  COPY_FILE_RANGE(47),
  SETUPMAPPING(48),
  REMOVEMAPPING(49),
  SYNCFS(50),
  TMPFILE(51),
  /** 7.39 */
  STATX(52),
  /** 7.44 */
  COPY_FILE_RANGE_64(53);

  private static final Opcode[] BY_CODE = new Opcode[64];

  static {
    for (Opcode op : values()) {
      BY_CODE[op.code] = op;
    }
  }

  private final int code;

  Opcode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The opcode for a wire number, or null when this library does not know it. */
  public static Opcode of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
