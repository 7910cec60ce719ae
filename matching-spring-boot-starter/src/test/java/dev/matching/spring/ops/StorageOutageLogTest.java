package dev.matching.spring.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.matching.spi.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Outage transitions as log events, read by a Logback appender attached to the class's logger. */
class StorageOutageLogTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger(StorageOutageLog.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final MutableClock clock = new MutableClock();
  private final StorageOutageLog log = new StorageOutageLog(clock);

  @BeforeEach
  void attach() {
    events.setContext(logger.getLoggerContext());
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void detach() {
    logger.detachAppender(events);
    events.stop();
  }

  @Test
  void firstFailureWarnsOnceWithItsCauseLaterOnesAreCountedRecoveryWarnsWithTheCount() {
    StorageException first = new StorageException("listing jobs failed (SQLState 08006): An I/O error occurred");
    log.refused(first);
    assertThat(events.list).hasSize(1);
    ILoggingEvent down = events.list.get(0);
    assertThat(down.getLevel()).isEqualTo(Level.WARN);
    assertThat(down.getFormattedMessage()).contains("unavailable", "SQLState 08006");
    assertThat(down.getThrowableProxy().getMessage()).isEqualTo(first.getMessage());

    for (int i = 0; i < 41; i++) {
      log.refused(new StorageException("again " + i));
    }
    log.failed(new StorageException("the health probe failed"));
    assertThat(events.list).as("failures during the outage are counted silently").hasSize(1);
    assertThat(log.isOutage()).isTrue();
    assertThat(log.refusedCount()).isEqualTo(42);

    clock.advance(Duration.ofMillis(12_500));
    log.answered();
    assertThat(events.list).hasSize(2);
    ILoggingEvent up = events.list.get(1);
    assertThat(up.getLevel()).isEqualTo(Level.WARN);
    assertThat(up.getFormattedMessage()).contains("answers again", "12.5 s", "42 requests were refused");
    assertThat(up.getThrowableProxy()).isNull();
    assertThat(log.isOutage()).isFalse();
    assertThat(log.refusedCount()).isZero();

    log.answered();
    assertThat(events.list).as("answers without an outage log nothing").hasSize(2);
  }

  @Test
  void aProbeFailureStartsTheOutageWithoutCountingARefusalAndANewOutageCountsAfresh() {
    log.answered();
    assertThat(events.list).isEmpty();
    log.failed(new StorageException("probe"));
    assertThat(events.list).hasSize(1);
    assertThat(log.refusedCount()).isZero();
    log.answered();
    assertThat(events.list.get(1).getFormattedMessage()).contains("0 requests were refused");

    log.refused(new StorageException("second outage"));
    log.refused(new StorageException("second outage"));
    log.answered();
    assertThat(events.list).hasSize(4);
    assertThat(events.list.get(2).getFormattedMessage()).contains("second outage");
    assertThat(events.list.get(3).getFormattedMessage()).contains("2 requests were refused");
  }

  @Test
  void concurrentRefusalsWarnOnceAndAreAllCounted() throws Exception {
    int threads = 8;
    int each = 500;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            log.refused(new StorageException("down"));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(events.list).hasSize(1);
    assertThat(log.refusedCount()).isEqualTo((long) threads * each);
    log.answered();
    assertThat(events.list).hasSize(2);
    assertThat(events.list.get(1).getFormattedMessage()).contains(threads * each + " requests were refused");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
