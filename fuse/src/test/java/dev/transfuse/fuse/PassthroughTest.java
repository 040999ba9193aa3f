package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.kernel.Opcode;
import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FUSE passthrough (Linux 6.9+, root): reads of a backed file never reach the daemon. */
class PassthroughTest {
  @Test
  void backedFileIsReadWithoutReadRequests(@TempDir Path tmp) throws Exception {
    byte[] data = new byte[8 << 20];
    new Random(5).nextBytes(data);
    Path backing = Files.write(tmp.resolve("backing.bin"), data);
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(60), false);
    fs.putFile("/passed.bin", new byte[data.length]); // same size, different bytes
    fs.setBacking("/passed.bin", backing);
    try (TestMount m = new TestMount(tmp, fs)) {
      assertThat(fs.kernel().passthroughAvailable())
          .as("this kernel offers passthrough and we are root").isTrue();
      assertThat(Files.readAllBytes(m.resolve("passed.bin"))).isEqualTo(data);
      assertThat(m.session().counters().count(Opcode.OPEN)).isEqualTo(1);
      assertThat(m.session().counters().count(Opcode.READ)).isZero();
    }
  }
}
