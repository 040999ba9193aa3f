package dev.transfuse.service.demo;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.fuse.mount.Mounter;
import dev.transfuse.service.TransfuseApplication;
import dev.transfuse.service.mounts.MountRequest;
import dev.transfuse.service.mounts.MountService;
import dev.transfuse.service.mounts.MountView;
import dev.transfuse.service.security.ApiToken;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the demo: stores, service, three mounts, and a banner saying what to try. Everything is
 * started fresh each time (a previous demo's state is cleared) and torn down on Ctrl-C.
 */
public final class Demo {
  private Demo() {}

  public static void run(Path dir, int port, PrintWriter out) throws Exception {
    Path base = dir.toAbsolutePath().normalize();
    Path state = base.resolve(".transfuse-demo");
    Path mnt = base.resolve("mnt");
    for (String n : new String[] {"s3", "sftp", "http"}) {
      Path mp = mnt.resolve(n);
      if (MountTable.at(mp).isPresent()) {
        Mounter.unmount(mp, true); // left by a demo that was killed
      }
      Files.createDirectories(mp);
    }
    deleteTree(state);
    Files.createDirectories(state);
    DemoStores stores = DemoStores.start(Files.createDirectories(state.resolve("stores")));
    ConfigurableApplicationContext ctx = TransfuseApplication.start(false,
        "--transfuse.state-dir=" + state, "--transfuse.mount-roots=" + mnt,
        "--server.port=" + port);
    // Unmount first (the service closes), then stop the stores the mounts were reading from.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ctx.close();
      stores.close();
    }, "demo-stop"));
    MountService mounts = ctx.getBean(MountService.class);
    MountView s3 = mounts.create(new MountRequest("s3", "s3://" + DemoStores.BUCKET,
        mnt.resolve("s3").toString(), false,
        Map.of("endpoint", stores.s3Endpoint(), "pathStyle", "true"),
        Map.of("accessKey", DemoStores.S3_ACCESS_KEY, "secretKey", DemoStores.S3_SECRET_KEY)));
    MountView sftp = mounts.create(new MountRequest("sftp", "sftp://" + DemoStores.SFTP_USER
        + "@127.0.0.1:" + stores.sftpPort() + "/", mnt.resolve("sftp").toString(), false,
        Map.of("hostKeyPolicy", "accept-new",
            "knownHostsFile", state.resolve("known_hosts").toString()),
        Map.of("password", DemoStores.SFTP_PASSWORD)));
    MountView http = mounts.create(new MountRequest("http", stores.httpUrl(),
        mnt.resolve("http").toString(), true, Map.of(), Map.of()));
    String token = ApiToken.load(state.resolve(ApiToken.FILE_NAME));
    String rel = base.equals(Path.of("").toAbsolutePath()) ? "" : base + "/";
    out.printf("""

        transfuse demo is running.

          UI:      http://127.0.0.1:%d/   (token: %s)
          mounts:  %s  (S3, S3Proxy)
                   %s  (SFTP, Apache MINA SSHD)
                   %s  (HTTP index pages, read-only)

        Try:
          ls -l %smnt/s3/data/many | head
          cat %smnt/sftp/README.txt
          bin/transfuse --state-dir %s stats s3

        Ctrl-C unmounts everything and stops the demo.
        """, port, token, s3.mountPoint(), sftp.mountPoint(), http.mountPoint(), rel, rel,
        state);
    out.flush();
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
