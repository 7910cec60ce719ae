package dev.matching.spring.metrics;

import dev.matching.query.Direction;
import dev.matching.query.MatchPage;
import dev.matching.spring.web.QueryObserver;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Times each ranking and records its result count, per direction. Thread-safe. */
public class MicrometerQueryObserver implements QueryObserver {
  private final Map<Direction, Timer> timers = new EnumMap<>(Direction.class);
  private final Map<Direction, DistributionSummary> results = new EnumMap<>(Direction.class);

  /** Registers its meters in {@code registry}. */
  public MicrometerQueryObserver(MeterRegistry registry) {
    for (Direction d : Direction.values()) {
      String tag = d.name().toLowerCase(Locale.ROOT);
      timers.put(d, Timer.builder(MatchingMetrics.QUERY).description("Rankings served by the API")
          .tag(MatchingMetrics.TAG_DIRECTION, tag).publishPercentileHistogram().register(registry));
      results.put(d, DistributionSummary.builder(MatchingMetrics.QUERY_RESULTS).description("Results per ranking")
          .tag(MatchingMetrics.TAG_DIRECTION, tag).register(registry));
    }
  }

  @Override
  public MatchPage observe(Direction direction, Supplier<MatchPage> query) {
    MatchPage page = timers.get(direction).record(query);
    results.get(direction).record(page.matches().size());
    return page;
  }
}
