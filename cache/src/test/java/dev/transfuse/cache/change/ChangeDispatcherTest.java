package dev.transfuse.cache.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeDispatcherTest {
  @Test
  void changesArriveInOrderOneAtATimeOnAPool() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      ChangeDispatcher d = new ChangeDispatcher(pool);
      List<String> seen = new ArrayList<>(); // not thread-safe on purpose: one at a time
      CountDownLatch all = new CountDownLatch(2000);
      d.add(c -> {
        seen.add(c.path());
        all.countDown();
      });
      for (int i = 0; i < 2000; i++) {
        d.accept(new Change.Removed("/" + i));
      }
      assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 2000; i++) {
        assertThat(seen.get(i)).isEqualTo("/" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthers() {
    ChangeDispatcher d = new ChangeDispatcher(Runnable::run);
    List<Change> seen = new ArrayList<>();
    d.add(c -> {
      throw new IllegalStateException("boom");
    });
    d.add(seen::add);
    d.accept(new Change.Removed("/x"));
    assertThat(seen).containsExactly(new Change.Removed("/x"));
  }
}
