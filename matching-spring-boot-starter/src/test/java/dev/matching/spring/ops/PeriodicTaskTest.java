package dev.matching.spring.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.batch.DailySchedule;
import dev.matching.lifecycle.IntegrityCheck;
import dev.matching.lifecycle.IntegrityCheckConfig;
import dev.matching.lifecycle.RetentionPolicy;
import dev.matching.lifecycle.RetentionReport;
import dev.matching.lifecycle.RetentionTask;
import dev.matching.spi.JobStore;
import dev.matching.spi.StorageException;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryMatchResultStore;
import dev.matching.spring.autoconfigure.IndexRefresher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The periodic-task base and the two tasks built on it: the index refresher and the retention schedule. */
@Timeout(30)
class PeriodicTaskTest {

  /** Counts its runs; the first {@code failures} runs throw. */
  private static final class Counting extends PeriodicTask {
    final CountDownLatch runs;
    final AtomicInteger count = new AtomicInteger();
    final List<RuntimeException> failed = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final int failures;
    final boolean enabled;

    Counting(int runs, int failures, boolean enabled) {
      super("test-periodic");
      this.runs = new CountDownLatch(runs);
      this.failures = failures;
      this.enabled = enabled;
    }

    @Override
    protected void runOnce() {
      threads.add(Thread.currentThread());
      int n = count.incrementAndGet();
      runs.countDown();
      if (n <= failures) {
        throw new IllegalStateException("run " + n + " fails");
      }
    }

    @Override
    protected Duration nextDelay() {
      return Duration.ofMillis(10);
    }

    @Override
    protected boolean enabled() {
      return enabled;
    }

    @Override
    protected void failed(RuntimeException e) {
      failed.add(e);
    }
  }

  @Test
  void runsAgainAndAgainOnOneNamedDaemonThreadUntilStopped() throws InterruptedException {
    Counting task = new Counting(3, 0, true);
    assertThat(task.isRunning()).isFalse();
    task.start();
    task.start();
    assertThat(task.isRunning()).isTrue();
    assertThat(task.runs.await(10, TimeUnit.SECONDS)).isTrue();
    task.stop();
    assertThat(task.isRunning()).isFalse();
    assertThat(task.threads).allSatisfy(thread -> {
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).isEqualTo("test-periodic-1");
    });
    int stoppedAt = task.count.get();
    Thread.sleep(100);
    assertThat(task.count.get()).as("no run after stop").isLessThanOrEqualTo(stoppedAt + 1);
    int settled = task.count.get();
    Thread.sleep(100);
    assertThat(task.count.get()).isEqualTo(settled);
  }

  @Test
  void aRunThatThrowsIsReportedAndTheNextRunGoesAhead() throws InterruptedException {
    Counting task = new Counting(3, 2, true);
    task.start();
    try {
      assertThat(task.runs.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      task.stop();
    }
    assertThat(task.failed).hasSize(2).allSatisfy(e -> assertThat(e).hasMessageContaining("fails"));
  }

  @Test
  void aDisabledTaskStaysStoppedAndAStoppedOneStartsAgain() throws InterruptedException {
    Counting disabled = new Counting(1, 0, false);
    disabled.start();
    assertThat(disabled.isRunning()).isFalse();
    assertThat(disabled.runs.await(100, TimeUnit.MILLISECONDS)).isFalse();

    Counting task = new Counting(2, 0, true);
    task.start();
    task.stop();
    task.start();
    try {
      assertThat(task.runs.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(task.isRunning()).isTrue();
    } finally {
      task.stop();
    }
  }

  @Test
  void theIndexRefresherIsOffWithAZeroIntervalAndReportsStoreFailuresAndAnswersToTheOutageLog() throws Exception {
    StorageOutageLog outages = new StorageOutageLog();
    AtomicBoolean down = new AtomicBoolean();
    MatchingEngine engine = MatchingEngine.builder()
        .jobStore(failing(new InMemoryJobStore(Clock.systemUTC()), down)).build();
    IndexRefresher off = new IndexRefresher(engine, Duration.ZERO, outages);
    off.start();
    assertThat(off.isRunning()).isFalse();

    down.set(true);
    IndexRefresher refresher = new IndexRefresher(engine, Duration.ofMillis(10), outages);
    refresher.start();
    try {
      assertThat(refresher.isRunning()).isTrue();
      awaitTrue(outages::isOutage);
      down.set(false);
      awaitTrue(() -> !outages.isOutage());
    } finally {
      refresher.stop();
    }
    assertThat(refresher.isRunning()).isFalse();
  }

  @Test
  void theRetentionScheduleWaitsForTheNextSlotAndRunsAsSchedulerAfterAFailedRunToo() throws InterruptedException {
    DailySchedule fourInTokyo = new DailySchedule(LocalTime.of(4, 0), ZoneId.of("Asia/Tokyo"));
    Instant justBefore = Instant.parse("2026-12-01T18:59:59.950Z"); // 03:59:59.950 in Tokyo
    Clock clock = Clock.fixed(justBefore, ZoneId.of("UTC"));
    MatchingEngine engine = MatchingEngine.builder().clock(clock).build();
    InMemoryMatchResultStore results = new InMemoryMatchResultStore();
    List<String> actors = new CopyOnWriteArrayList<>();
    CountDownLatch twoRuns = new CountDownLatch(2);
    DataLifecycle lifecycle = new DataLifecycle(
        new RetentionTask(engine, results, null, RetentionPolicy.ofDefaults(), clock),
        new IntegrityCheck(engine, results, null, IntegrityCheckConfig.ofDefaults(), clock), (kind, count) -> { }) {
      @Override
      public RetentionReport runRetention(String actor) {
        actors.add(actor);
        twoRuns.countDown();
        if (actors.size() == 1) {
          throw new IllegalStateException("the first run fails");
        }
        return super.runRetention(actor);
      }
    };
    RetentionScheduler scheduler = new RetentionScheduler(lifecycle, fourInTokyo, clock);
    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofMillis(50));
    scheduler.start();
    try {
      assertThat(twoRuns.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      scheduler.stop();
    }
    assertThat(actors).startsWith("scheduler", "scheduler").containsOnly("scheduler");
  }

  /** {@code store}, failing its change log reads while {@code down}. */
  private static JobStore failing(JobStore store, AtomicBoolean down) {
    return (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(), new Class<?>[] {JobStore.class},
        (proxy, method, args) -> {
          if (down.get() && (method.getName().equals("changesSince") || method.getName().equals("lastSequence"))) {
            throw new StorageException("the store is down");
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
