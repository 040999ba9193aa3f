package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jclouds.blobstore.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, as a user runs it: bin/transfuse serve as a process, then bin/transfuse
 * mount, list, status, ls, stats, invalidate and unmount against it, a service restart in between
 * that must bring the mount back, and the error exits.
 */
class CliIT {
  static S3ProxyServer s3;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3ProxyServer.startInMemory();
    s3.createBucket("cli");
    BlobStore b = s3.blobStore();
    b.putBlob("cli", b.blobBuilder("notes/hello.txt").payload("hello cli\n".getBytes()).build());
  }

  @AfterAll
  static void stopS3() throws Exception {
    s3.close();
  }

  @Test
  void mountUseRestartAndUnmountThroughTheCli(@TempDir Path tmp) throws Exception {
    Path state = tmp.resolve("state");
    Path roots = Files.createDirectories(tmp.resolve("mnt"));
    Path mp = roots.resolve("cli");
    Path secret = Files.writeString(tmp.resolve("secret"), S3ProxyServer.SECRET_KEY + "\n");
    String sd = "--state-dir=" + state;
    Path log = tmp.resolve("serve.log");
    Process service = TransfuseProcess.start(log, tmp, sd, "serve", "--port", "0",
        "--mount-roots", roots.toString());
    try {
      TransfuseProcess.awaitLog(log, "Started Main", Duration.ofSeconds(120), service);
      TransfuseProcess.Result mounted = TransfuseProcess.run(sd, "mount", "s3://cli",
          mp.toString(), "--name", "cli", "-o", "endpoint=" + s3.endpoint(),
          "-o", "pathStyle=true", "--access-key", S3ProxyServer.ACCESS_KEY,
          "--secret-key-file", secret.toString());
      assertThat(mounted.exit()).as(mounted.err()).isZero();
      assertThat(mounted.out()).contains("mounted cli");
      assertThat(Files.readString(mp.resolve("notes/hello.txt"))).isEqualTo("hello cli\n");

      TransfuseProcess.Result list = TransfuseProcess.run(sd, "list");
      assertThat(list.out()).contains("NAME").contains("cli").contains("MOUNTED")
          .doesNotContain(S3ProxyServer.SECRET_KEY);
      TransfuseProcess.Result json = TransfuseProcess.run(sd, "--json", "status", "cli");
      assertThat(Api.JSON.readTree(json.out()).path("state").asText()).isEqualTo("MOUNTED");
      assertThat(TransfuseProcess.run(sd, "ls", "cli:/notes").out()).contains("hello.txt");
      assertThat(TransfuseProcess.run(sd, "stats", "cli").out()).contains("daemon requests");
      TransfuseProcess.Result kernel = TransfuseProcess.run(sd, "stats", "cli", "--kernel");
      assertThat(kernel.exit()).as(kernel.err()).isZero();
      assertThat(kernel.out()).containsAnyOf("kernel served", "unavailable: probe starting");
      assertThat(TransfuseProcess.run(sd, "invalidate", "cli:/notes").exit()).isZero();

      TransfuseProcess.Result missing = TransfuseProcess.run(sd, "status", "nosuch");
      assertThat(missing.exit()).isEqualTo(4);
      assertThat(missing.err()).contains("no mount named 'nosuch'");
      TransfuseProcess.Result bad = TransfuseProcess.run(sd, "mount", "s3://cli",
          roots.resolve("bad").toString(), "-o", "kernelTtl=soon");
      assertThat(bad.exit()).isEqualTo(1);
      assertThat(bad.err()).contains("kernelTtl");

      // restart: the mount comes back by itself
      TransfuseProcess.stop(service);
      assertThat(MountTable.at(mp)).as("shutdown unmounts").isEmpty();
      service = TransfuseProcess.start(tmp.resolve("serve2.log"), tmp, sd, "serve", "--port",
          "0", "--mount-roots", roots.toString());
      TransfuseProcess.awaitLog(tmp.resolve("serve2.log"), "mounted 'cli'", Duration.ofSeconds(120),
          service);
      assertThat(Files.readString(mp.resolve("notes/hello.txt"))).isEqualTo("hello cli\n");

      TransfuseProcess.Result unmounted = TransfuseProcess.run(sd, "unmount", mp.toString());
      assertThat(unmounted.exit()).as(unmounted.err()).isZero();
      assertThat(MountTable.at(mp)).isEmpty();
      assertThat(TransfuseProcess.run(sd, "list").out()).doesNotContain("cli ");
    } finally {
      TransfuseProcess.stop(service);
      if (MountTable.at(mp).isPresent()) {
        new ProcessBuilder("umount", "-l", mp.toString()).start().waitFor();
      }
    }
  }
}
