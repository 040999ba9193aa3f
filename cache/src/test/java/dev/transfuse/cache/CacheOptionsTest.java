package dev.transfuse.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheOptionsTest {
  final Path dir = Path.of("/tmp/transfuse-test-cache");

  @Test
  void defaultsSuitASingleWriter() {
    CacheOptions o = CacheOptions.builder(dir).build();
    assertThat(o.metadataTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(o.metadataMaxAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(o.blockSize()).isEqualTo(1 << 20);
    assertThat(o.readAhead()).isEqualTo(64L << 20);
    assertThat(o.readAheadBlocks()).isEqualTo(64);
    assertThat(o.pollInterval()).isZero();
    assertThat(o.backgroundTasks()).isTrue();
    assertThat(o.executor()).isNull();
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    assertThatThrownBy(() -> CacheOptions.builder(dir).blockSize(1000).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blockSize");
    assertThatThrownBy(() -> CacheOptions.builder(dir).metadataTtl(Duration.ZERO).build())
        .hasMessageContaining("metadataTtl");
    assertThatThrownBy(
            () ->
                CacheOptions.builder(dir)
                    .metadataTtl(Duration.ofMinutes(5))
                    .metadataMaxAge(Duration.ofMinutes(1))
                    .build())
        .hasMessageContaining("metadataMaxAge");
    assertThatThrownBy(() -> CacheOptions.builder(dir).cacheMaxBytes(-1).build())
        .hasMessageContaining("cacheMaxBytes");
    assertThatThrownBy(() -> CacheOptions.builder(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("cacheDir");
  }
}
