package dev.transfuse.fuse.mount;

import com.kenai.jffi.MemoryIO;
import java.nio.ByteBuffer;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/** The loaded {@link LibC} binding, errno access, and pointers onto direct buffers. */
public final class Native {
  public static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  private static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  static {
    // Load errno's classes now: the first errno a worker reads may come at JVM shutdown (the
    // unmount's ENODEV), when a jar's class loader can already be closed.
    RUNTIME.getLastError();
  }

  private Native() {}

  /** errno of the calling thread's last call through {@link #LIBC}. */
  public static int errno() {
    return RUNTIME.getLastError();
  }

  public static String describe(int errno) {
    return LIBC.strerror(errno) + " (errno " + errno + ")";
  }

  /** A pointer at the start of a direct buffer's memory; the buffer must outlive it. */
  public static Pointer pointerTo(ByteBuffer direct) {
    if (!direct.isDirect()) {
      throw new IllegalArgumentException("buffer must be direct");
    }
    long address = MemoryIO.getInstance().getDirectBufferAddress(direct);
    return Pointer.wrap(RUNTIME, address, direct.capacity());
  }

  public static Runtime runtime() {
    return RUNTIME;
  }
}
