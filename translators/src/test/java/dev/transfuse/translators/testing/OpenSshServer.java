package dev.transfuse.translators.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH {@code sshd} as a child process: its own config, its own ed25519 host key, a
 * free port on 127.0.0.1 (never the system's port 22), public-key login for the current user, and
 * OpenSSH's {@code internal-sftp}. Killed by its PID on close.
 */
public final class OpenSshServer implements AutoCloseable {
  public static final Path SSHD = Path.of("/usr/sbin/sshd");

  private final Process process;
  private final int port;
  private final Path work;

  private OpenSshServer(Process process, int port, Path work) {
    this.process = process;
    this.port = port;
    this.work = work;
  }

  public static boolean available() {
    return Files.isExecutable(SSHD) && Files.isExecutable(Path.of("/usr/bin/ssh-keygen"));
  }

  /** Starts sshd with config, keys and logs in {@code work}. */
  public static OpenSshServer start(Path work) throws IOException, InterruptedException {
    keygen(work.resolve("host_ed25519"), "ed25519");
    keygen(work.resolve("client_ed25519"), "ed25519");
    StringBuilder authorized = new StringBuilder(Files.readString(work.resolve("client_ed25519.pub")));
    for (String type : KEY_TYPES) {
      keygen(work.resolve("client_" + type), type, "secret passphrase");
      authorized.append(Files.readString(work.resolve("client_" + type + ".pub")));
    }
    Files.writeString(work.resolve("authorized_keys"), authorized);
    // sshd refuses to start without its privilege separation directory (Debian creates it at
    // service start, which never happened here).
    Files.createDirectories(Path.of("/run/sshd"));
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = FreePort.pick();
      Path config = work.resolve("sshd_config");
      Files.writeString(config, String.join("\n",
          "Port " + port,
          "ListenAddress 127.0.0.1",
          "HostKey " + work.resolve("host_ed25519"),
          "PidFile none",
          "AuthorizedKeysFile " + work.resolve("authorized_keys"),
          "PubkeyAuthentication yes",
          "PasswordAuthentication no",
          "KbdInteractiveAuthentication no",
          "PermitRootLogin prohibit-password",
          "StrictModes no",
          "UsePAM no",
          "Subsystem sftp internal-sftp",
          "LogLevel ERROR",
          ""));
      Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
          .redirectErrorStream(true)
          .redirectOutput(work.resolve("sshd.log").toFile())
          .start();
      if (waitForBanner(port, p)) {
        return new OpenSshServer(p, port, work);
      }
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      last = new IOException("sshd did not start on port " + port + ": "
          + Files.readString(work.resolve("sshd.log")));
    }
    throw last;
  }

  /** Further client key types the server accepts; their keys carry {@link #PASSPHRASE}. */
  public static final List<String> KEY_TYPES = List.of("ecdsa", "rsa");
  public static final String PASSPHRASE = "secret passphrase";

  private static void keygen(Path file, String type) throws IOException, InterruptedException {
    keygen(file, type, "");
  }

  private static void keygen(Path file, String type, String passphrase)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of("/usr/bin/ssh-keygen", "-q", "-t", type, "-N", passphrase,
        "-C", "transfuse-test", "-f", file.toString())).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ssh-keygen failed: "
          + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static boolean waitForBanner(int port, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        s.setSoTimeout(2000);
        InputStream in = s.getInputStream();
        byte[] banner = new byte[4];
        if (in.readNBytes(banner, 0, 4) == 4
            && "SSH-".equals(new String(banner, StandardCharsets.US_ASCII))) {
          return true;
        }
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    return false;
  }

  public int port() {
    return port;
  }

  public String user() {
    return System.getProperty("user.name");
  }

  /** The OpenSSH-format private key text the client logs in with. */
  public String clientPrivateKey() throws IOException {
    return Files.readString(work.resolve("client_ed25519"));
  }

  /** The private key text of one of {@link #KEY_TYPES}, encrypted with {@link #PASSPHRASE}. */
  public String clientPrivateKey(String type) throws IOException {
    return Files.readString(work.resolve("client_" + type));
  }

  /** A known_hosts file listing this server's host key. */
  public Path knownHosts() throws IOException {
    Path file = work.resolve("known_hosts");
    if (!Files.exists(file)) {
      String pub = Files.readString(work.resolve("host_ed25519.pub")).trim();
      String[] parts = pub.split(" ");
      Files.writeString(file, "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1] + "\n");
    }
    return file;
  }

  /** Kills sshd (by its PID) and with it every session's child. */
  public void stop() {
    long pid = process.pid();
    ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(ProcessHandle::destroyForcibly));
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
