package dev.matching.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

  @Test
  void aFactoryMakesUnstartedDaemonThreadsNumberedFromOne() {
    ThreadFactory factory = DaemonThreads.named("probe");
    Thread first = factory.newThread(() -> {});
    Thread second = factory.newThread(() -> {});
    assertThat(first.getName()).isEqualTo("probe-1");
    assertThat(second.getName()).isEqualTo("probe-2");
    assertThat(first.isDaemon()).isTrue();
    assertThat(second.isDaemon()).isTrue();
    assertThat(first.getState()).isEqualTo(Thread.State.NEW);
    assertThat(DaemonThreads.named("probe").newThread(() -> {}).getName()).isEqualTo("probe-1");
  }

  @Test
  void startRunsTheTaskOnADaemonThreadOfExactlyThatName() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    String[] seen = new String[1];
    Thread t = DaemonThreads.start("probe-exact", () -> {
      seen[0] = Thread.currentThread().getName();
      ran.countDown();
    });
    assertThat(t.isDaemon()).isTrue();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    t.join(10_000);
    assertThat(seen[0]).isEqualTo("probe-exact");
  }
}
