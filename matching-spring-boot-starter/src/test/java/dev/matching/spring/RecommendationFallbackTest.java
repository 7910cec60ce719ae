package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.StorageException;
import dev.matching.spring.web.DomainMapper;
import dev.matching.spring.web.MatchController;
import dev.matching.spring.web.QueryObserver;
import dev.matching.spring.web.QueryParameters;
import dev.matching.spring.web.ResultJson.StoredMatchesJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** When the result store is down, recommendations degrade to a live ranking (or 503 when told not to). */
class RecommendationFallbackTest {

  /** A result store whose every call fails, as Redis does when it is down. */
  private static final class DownStore implements MatchResultStore {
    private static StorageException down() {
      return new StorageException("redis: connection refused", new java.net.ConnectException("refused"));
    }

    @Override
    public void write(Direction d, long g, Instant at, Map<String, List<Match>> lists) {
      throw down();
    }

    @Override
    public void write(dev.matching.spi.PartitionLease writer, Direction d, long g, Instant at,
        Map<String, List<Match>> lists) {
      throw down();
    }

    @Override
    public void publish(Direction d, long g) {
      throw down();
    }

    @Override
    public boolean publishIfNewer(Direction d, long g) {
      throw down();
    }

    @Override
    public OptionalLong publishedGeneration(Direction d) {
      throw down();
    }

    @Override
    public Optional<MatchList> find(Direction d, String subjectId) {
      throw down();
    }

    @Override
    public long deleteGenerationsBefore(Direction d, long g) {
      throw down();
    }

    @Override
    public long erase(String id) {
      throw down();
    }

    @Override
    public long deleteComputedBefore(Instant cutoff) {
      throw down();
    }

    @Override
    public List<Long> generations(Direction d) {
      throw down();
    }

    @Override
    public List<MatchList> list(Direction d, long generation, @Nullable String afterSubjectId, int limit) {
      throw down();
    }
  }

  private static final java.time.Clock CLOCK =
      java.time.Clock.fixed(java.time.Instant.parse("2030-01-06T00:00:00Z"), java.time.ZoneOffset.UTC);

  private static MatchController controller(boolean fallback) {
    MatchingEngine engine = MatchingEngine.builder().build();
    engine.upsertJob(Job.builder("job-1").employerId("acme").location(35.68, 139.76).hourlyPay(1300)
        .shift(Shift.of(LocalDate.of(2030, 1, 7), LocalTime.of(9, 0), LocalTime.of(17, 0), ZoneId.of("Asia/Tokyo")))
        .build());
    engine.upsertWorker(Worker.builder("worker-1").home(35.69, 139.70).maxTravelKm(10).build());
    return new MatchController(engine, new DownStore(), new DomainMapper(), new QueryParameters(20, 100),
        QueryObserver.NONE, fallback, new dev.matching.spring.web.CursorSeal(null),
        new dev.matching.spring.web.ClientDisclosure(), CLOCK);
  }

  @Test
  void aDownResultStoreDegradesToALiveRanking() {
    StoredMatchesJson live = controller(true).recommendationsForWorker("worker-1");
    assertThat(live.source()).isEqualTo("live");
    assertThat(live.generation()).isZero();
    assertThat(live.computedAt()).as("stamped by the injected clock").isEqualTo(CLOCK.instant());
    assertThat(live.matches()).extracting(m -> m.id()).containsExactly("job-1");
  }

  @Test
  void withoutTheFallbackTheFailureSurfaces() {
    assertThatThrownBy(() -> controller(false).recommendationsForJob("job-1")).isInstanceOf(StorageException.class);
  }
}
