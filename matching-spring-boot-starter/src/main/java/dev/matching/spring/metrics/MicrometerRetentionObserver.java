package dev.matching.spring.metrics;

import dev.matching.spring.ops.DataLifecycle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts what retention deleted in {@link MatchingMetrics#RETENTION_DELETED}, one counter per
 * kind, registered up front so alerts and dashboards see a zero before the first run. Thread-safe.
 */
public class MicrometerRetentionObserver implements DataLifecycle.DeletionObserver {
  private final Map<String, Counter> counters = new HashMap<>();

  /** Registers its counters in {@code registry}. */
  public MicrometerRetentionObserver(MeterRegistry registry) {
    for (String kind : KINDS) {
      counters.put(kind, Counter.builder(MatchingMetrics.RETENTION_DELETED).tag(MatchingMetrics.TAG_KIND, kind)
          .description("Items deleted by data retention").register(registry));
    }
  }

  @Override
  public void deleted(String kind, long count) {
    Counter counter = counters.get(kind);
    if (counter != null) {
      counter.increment(count);
    }
  }
}
