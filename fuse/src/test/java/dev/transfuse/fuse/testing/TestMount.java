package dev.transfuse.fuse.testing;

import dev.transfuse.fuse.api.Filesystem;
import dev.transfuse.fuse.mount.MountException;
import dev.transfuse.fuse.server.FuseSession;
import dev.transfuse.fuse.server.SessionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real mount of a test filesystem on a fresh directory, unmounted on close (also when the test
 * failed). Ready as soon as the constructor returns: mounting waits for INIT.
 */
public final class TestMount implements AutoCloseable {
  private final FuseSession session;
  private final Path dir;

  public TestMount(Path parent, Filesystem fs) throws Exception {
    this(parent, fs, SessionOptions.defaults("memfs").withWorkers(4));
  }

  public TestMount(Path parent, Filesystem fs, SessionOptions options) throws Exception {
    this.dir = Files.createDirectories(parent.resolve("mnt"));
    this.session = FuseSession.mount(dir, fs, options);
  }

  public Path path() {
    return dir;
  }

  public Path resolve(String name) {
    return dir.resolve(name);
  }

  public FuseSession session() {
    return session;
  }

  @Override
  public void close() throws MountException, InterruptedException {
    session.close();
    if (!session.awaitTermination(Duration.ofSeconds(10))) {
      throw new IllegalStateException("workers of " + dir + " did not stop");
    }
  }

  /** Runs a shell command in {@code cwd}; returns its stdout, failing on a non-zero exit. */
  public static String sh(Path cwd, String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).directory(cwd.toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError("'" + command + "' exited " + p.exitValue() + ": " + out);
    }
    return out;
  }
}
