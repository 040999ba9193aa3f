package dev.transfuse.fuse.bench;

import dev.transfuse.fuse.server.FuseSession;
import dev.transfuse.fuse.server.SessionOptions;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The Java side of bench/fuse-bench.sh: mounts the benchmark tree (the same one the C reference
 * serves) on a MemoryFilesystem and serves it until stdin closes or the process is signalled.
 *
 * <pre>MemfsDaemon MOUNTPOINT TIMEOUT_SECONDS BIG_MIB</pre>
 */
public final class MemfsDaemon {
  private MemfsDaemon() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: MemfsDaemon MOUNTPOINT TIMEOUT_SECONDS BIG_MIB");
      System.exit(2);
    }
    Duration timeout = Duration.ofMillis((long) (Double.parseDouble(args[1]) * 1000));
    MemoryFilesystem fs = new MemoryFilesystem(timeout, false);
    fs.putFile("/hot.txt", "hot".getBytes());
    for (int i = 0; i < 250; i++) {
      fs.putFile(String.format("/dir/entry-%03d.dat", i), new byte[i]);
    }
    byte[] big = new byte[Integer.parseInt(args[2]) << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + 7); // the C reference's pattern
    }
    fs.putFile("/big.bin", big);
    big = null;
    FuseSession session = FuseSession.mount(Path.of(args[0]), fs, SessionOptions.defaults("memfs"));
    System.out.println("READY");
    System.out.flush();
    CountDownLatch stdinClosed = new CountDownLatch(1);
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // serve until the driver closes our stdin
        }
      } catch (java.io.IOException ignored) {
        // treat as closed
      }
      stdinClosed.countDown();
    }, "stdin-watcher");
    watcher.setDaemon(true);
    watcher.start();
    stdinClosed.await();
    session.close();
  }
}
