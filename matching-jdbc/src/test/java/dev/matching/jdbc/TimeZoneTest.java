package dev.matching.jdbc;

import dev.matching.testkit.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Instants survive any combination of JVM zone (the build runs this module's tests with
 * {@code -Duser.timezone=America/Sao_Paulo}) and session zone.
 */
class TimeZoneTest extends PostgresTestBase {

  private static final Instant WRITTEN = Instant.parse("2026-03-08T10:30:00.123456Z"); // a US DST switch day

  @Test
  void theJvmZoneIsNotUtc() {
    assertThat(ZoneId.systemDefault().getRules().getOffset(WRITTEN)).isNotEqualTo(ZoneOffset.UTC);
  }

  @Test
  void instantsWrittenInTokyoReadTheSameInLosAngeles() {
    clock = new SettableClock(WRITTEN);
    JdbcMatchingStorage tokyo = inSessionZone("Asia/Tokyo");
    JdbcMatchingStorage losAngeles = inSessionZone("America/Los_Angeles");

    tokyo.jobStore().upsert(Fixtures.job("job-1"));
    losAngeles.workerStore().upsert(Fixtures.worker("worker-1"));
    assertThat(losAngeles.jobStore().find("job-1").orElseThrow().updatedAt()).isEqualTo(WRITTEN);
    assertThat(tokyo.workerStore().find("worker-1").orElseThrow().updatedAt()).isEqualTo(WRITTEN);
    assertThat(losAngeles.jobStore().find("job-1").orElseThrow().value()).isEqualTo(Fixtures.job("job-1"));

    tokyo.matchResultStore().write(Direction.JOBS_FOR_WORKER, 1, WRITTEN, Map.of("worker-1", List.of()));
    tokyo.matchResultStore().publish(Direction.JOBS_FOR_WORKER, 1);
    assertThat(losAngeles.matchResultStore().find(Direction.JOBS_FOR_WORKER, "worker-1").orElseThrow().computedAt())
        .isEqualTo(WRITTEN);

    BatchRun created = tokyo.batchRunStore().create(new NewBatchRun("daily", Map.of(), List.of("p0"), "test"), WRITTEN);
    PartitionLease lease = losAngeles.batchRunStore().claim(created.id(), "node-1", WRITTEN, Duration.ofMinutes(1))
        .orElseThrow();
    assertThat(lease.expiresAt()).isEqualTo(WRITTEN.plus(Duration.ofMinutes(1)));
    BatchRun done = tokyo.batchRunStore().complete(lease, 3, WRITTEN.plusSeconds(30));
    assertThat(losAngeles.batchRunStore().find(created.id())).contains(done);
    assertThat(done.createdAt()).isEqualTo(WRITTEN);
    assertThat(done.startedAt()).isEqualTo(WRITTEN);
    assertThat(done.finishedAt()).isEqualTo(WRITTEN.plusSeconds(30));
  }

  @Test
  void nanosecondsAreTruncatedToWhatPostgresqlKeeps() {
    clock = new SettableClock(WRITTEN.plusNanos(789));
    JdbcMatchingStorage storage = inSessionZone("Asia/Tokyo");

    assertThat(storage.jobStore().upsert(Fixtures.job("job-1")).updatedAt()).isEqualTo(WRITTEN);
    assertThat(storage.jobStore().find("job-1").orElseThrow().updatedAt()).isEqualTo(WRITTEN);
  }

  private JdbcMatchingStorage inSessionZone(String zone) {
    return storageBuilder().dataSource(TestPostgres.dataSourceInSessionTimeZone(zone))
        .clock(clock).build();
  }
}
