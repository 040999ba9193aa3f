package dev.transfuse.cache.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploaderBackoffTest {
  @Test
  void backOffDoublesFromTheMinimumAndStopsAtTheMaximum() {
    Uploader u =
        new Uploader(null, null, () -> 0L, Duration.ofSeconds(1), Duration.ofSeconds(10), null, null);
    assertThat(u.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(u.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(u.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(u.backoff(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(u.backoff(60)).isEqualTo(Duration.ofSeconds(10));
  }
}
