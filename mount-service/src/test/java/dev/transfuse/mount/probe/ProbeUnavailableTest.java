package dev.transfuse.mount.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;

/** Without its tool the probe says why, for every mount, and starts nothing. */
class ProbeUnavailableTest {
  @TempDir Path tmp;

  @Test
  void missingBpftraceMakesEveryQueryUnavailableWithTheReason() throws Exception {
    Path missing = tmp.resolve("no-such-bpftrace");
    try (KernelCacheProbe probe =
        new KernelCacheProbe(ProbeOptions.defaults().withBpftrace(missing))) {
      ProbedMount a = probe.register(new ProbeTarget(tmp.resolve("a"), 1L << 20 | 7, 7));
      assertThat(probe.awaitReady(Duration.ofSeconds(10))).isFalse();
      ProbedMount b = probe.register(new ProbeTarget(tmp.resolve("b"), 1L << 20 | 8, 8));
      for (ProbedMount m : new ProbedMount[] {a, b}) {
        KernelStats s = m.stats();
        assertThat(s.available()).isFalse();
        assertThat(s.reason()).isEqualTo("unavailable: bpftrace not found at " + missing);
        assertThat(s.sinceMount()).isNull();
        assertThat(s.last10s()).isNull();
      }
      assertThat(probe.bpftracePid()).isEqualTo(-1);
      assertThat(probe.awaitTick(Duration.ofMillis(10))).isFalse();
      assertThat(new ObjectMapper().writeValueAsString(a.stats())).isEqualTo(
          "{\"available\":false,\"reason\":\"unavailable: bpftrace not found at " + missing
              + "\"}");
    }
  }

  @Test
  void aMissingTracepointIsNamed() throws Exception {
    // a tracefs whose events lack the fuse group, as on a kernel without the fuse module
    Path tracefs = Files.createDirectories(tmp.resolve("tracing/events/syscalls"));
    try (KernelCacheProbe probe = new KernelCacheProbe(
        ProbeOptions.defaults().withTracefs(tracefs.getParent().getParent()))) {
      ProbedMount m = probe.register(new ProbeTarget(tmp, 1L << 20 | 10, 10));
      assertThat(probe.awaitReady(Duration.ofSeconds(10))).isFalse();
      assertThat(m.stats().reason()).startsWith("unavailable: ");
      if (ProbeConditions.canProbe()) { // else "not root" is what is reported first
        assertThat(m.stats().reason()).isEqualTo(
            "unavailable: tracepoint fuse:fuse_request_send missing (fuse module not loaded?)");
      }
      assertThat(probe.bpftracePid()).isEqualTo(-1);
    }
  }

  @Test
  void aToolThatIsNotBpftraceIsReportedWithItsOwnWords() throws Exception {
    Path fake = tmp.resolve("bpftrace");
    Files.writeString(fake, "#!/bin/sh\necho 'ERROR: not really bpftrace' >&2\nexit 1\n");
    fake.toFile().setExecutable(true);
    try (KernelCacheProbe probe = new KernelCacheProbe(ProbeOptions.defaults().withBpftrace(fake))) {
      ProbedMount m = probe.register(new ProbeTarget(tmp, 1L << 20 | 9, 9));
      assertThat(probe.awaitReady(Duration.ofSeconds(10))).isFalse();
      assertThat(m.stats().reason()).startsWith("unavailable: ");
      if (ProbeConditions.canProbe()) { // as root the checks pass and the tool itself runs
        assertThat(m.stats().reason()).contains("ERROR: not really bpftrace");
      }
    }
  }
}
