package dev.transfuse.fuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.transfuse.fuse.testing.MemoryFilesystem;
import dev.transfuse.fuse.testing.TestMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {
  @Test
  void mountsAndReads(@TempDir Path tmp) throws Exception {
    MemoryFilesystem fs = new MemoryFilesystem(Duration.ofSeconds(60), true);
    fs.putFile("/hello.txt", "hello world\n".getBytes());
    try (TestMount m = new TestMount(tmp, fs)) {
      assertThat(Files.readString(m.resolve("hello.txt"))).isEqualTo("hello world\n");
      System.out.println(TestMount.sh(m.path(), "ls -la; stat hello.txt; df -h ."));
      System.out.println(m.session().counters().snapshot());
    }
  }
}
