package dev.transfuse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.mount.MountTable;
import dev.transfuse.translators.testing.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: bin/transfuse demo mounts three stores under ./mnt. */
class DemoIT {
  @Test
  void demoMountsItsStoresAndCleansUpOnExit(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("demo.log");
    Process demo = TransfuseProcess.start(log, tmp, "demo", "--port",
        Integer.toString(FreePort.pick()));
    try {
      TransfuseProcess.awaitLog(log, "transfuse demo is running", Duration.ofSeconds(180), demo);
      assertThat(Files.readString(tmp.resolve("mnt/s3/README.txt")))
          .startsWith("Welcome to transfuse.");
      assertThat(Files.readAllBytes(tmp.resolve("mnt/sftp/big/sample.bin")))
          .isEqualTo(Files.readAllBytes(tmp.resolve("mnt/s3/big/sample.bin")));
      assertThat(Files.readString(tmp.resolve("mnt/http/data/numbers.csv")))
          .startsWith("n,square,cube");
      assertThat(Files.readString(log)).contains("token:").contains("bin/transfuse");
    } finally {
      TransfuseProcess.stop(demo);
    }
    for (String n : new String[] {"s3", "sftp", "http"}) {
      assertThat(MountTable.at(tmp.resolve("mnt/" + n))).as(n + " unmounted").isEmpty();
    }
  }
}
