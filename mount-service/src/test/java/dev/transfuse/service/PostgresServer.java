package dev.transfuse.service;

import dev.transfuse.translators.testing.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's PostgreSQL as a private child process: a cluster made by initdb in a directory of its
 * own under the temp dir, trust authentication, listening on a free 127.0.0.1 port only.
 * PostgreSQL refuses to run as root, so as root that directory belongs to the {@code postgres}
 * user (a JUnit temp dir is closed to others) and the server runs as that user through setpriv
 * (which execs, so the process is the server itself). Close: SIGINT (fast shutdown), then the
 * directory is deleted.
 */
final class PostgresServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path work;

  private PostgresServer(Process process, int port, Path work) {
    this.process = process;
    this.port = port;
    this.work = work;
  }

  static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binDir();
    Path work = Files.createTempDirectory("transfuse-pg");
    Path data = work.resolve("pgdata");
    Files.createDirectories(data);
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      UserPrincipalLookupService users = work.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(work, users.lookupPrincipalByName("postgres"));
      Files.setOwner(data, users.lookupPrincipalByName("postgres"));
    }
    run(root, work.resolve("initdb.out"), bin.resolve("initdb").toString(), "-D",
        data.toString(), "-U", "postgres", "-A", "trust", "--no-sync");
    Path log = work.resolve("postgres.out");
    ServerProcess server = ServerProcess.start("postgres", log, Duration.ofSeconds(30),
        port -> new ProcessBuilder(asPostgres(root, bin.resolve("postgres").toString(), "-D",
            data.toString(), "-p", String.valueOf(port), "-k", work.toString(),
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start());
    return new PostgresServer(server.process(), server.port(), work);
  }

  /** The newest installed server's binaries; fails (does not skip) when none is installed. */
  private static Path binDir() throws IOException {
    Path base = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(base)) {
      throw new IllegalStateException("PostgreSQL is not installed (apt-get install postgresql)");
    }
    try (Stream<Path> versions = Files.list(base)) {
      return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("postgres")))
          .max((a, b) -> Integer.compare(major(a), major(b)))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + base));
    }
  }

  private static int major(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static List<String> asPostgres(boolean root, String... command) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
    }
    cmd.addAll(List.of(command));
    return cmd;
  }

  private static void run(boolean root, Path out, String... command)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(asPostgres(root, command)).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out));
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  @Override
  public void close() throws InterruptedException {
    // SIGINT is PostgreSQL's fast shutdown; Process offers SIGTERM (smart: waits for clients).
    try {
      new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    } catch (IOException e) {
      process.destroy();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    try (Stream<Path> all = Files.walk(work)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temp directory is not worth failing the test for
    }
  }
}
