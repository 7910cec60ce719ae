package dev.matching.examples.app;

import dev.matching.sample.MarketShape;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample market loaded at startup ({@code sample.*}); off when both sizes are 0. Bound by
 * {@code ReferenceApp}'s {@code @EnableConfigurationProperties}; the defaults are the reference
 * app's own. An immutable record, bound through its constructor, so safe to share between threads.
 *
 * @param jobs Jobs to generate when the job store is empty.
 * @param workers Workers to generate when the worker store is empty.
 * @param seed Seed of the generator.
 * @param shape The market's shape ({@code sample.shape.*}); the sample's where a field is unset.
 */
@ConfigurationProperties(prefix = "sample")
public record SampleDataProperties(
    @DefaultValue("100000") int jobs,
    @DefaultValue("50000") int workers,
    @DefaultValue("42") long seed,
    @DefaultValue Shape shape) {

  /**
   * The parameters of {@link MarketShape} a load test varies; each unset one keeps the sample's
   * value. Validated by {@link MarketShape.Builder#build()} at startup.
   *
   * @param metroShare Share of the located jobs and of the homes around central Tokyo, [0, 1].
   * @param metroSpreadKm Spread of the jobs around central Tokyo, in km (homes 1.5x wider).
   * @param medianTravelKm Median travel limit of the workers, in km.
   * @param maxTravelKm Largest travel limit, in km.
   * @param remoteJobShare Share of remote jobs, [0, 1].
   * @param noHomeShare Share of workers without a home, [0, 1].
   */
  public record Shape(
      @Nullable Double metroShare,
      @Nullable Double metroSpreadKm,
      @Nullable Double medianTravelKm,
      @Nullable Double maxTravelKm,
      @Nullable Double remoteJobShare,
      @Nullable Double noHomeShare) {

    /** The market shape: the sample's with the fields that are set. */
    public MarketShape toMarketShape() {
      MarketShape.Builder b = MarketShape.custom();
      ifSet(metroShare, b::metroShare);
      ifSet(metroSpreadKm, b::metroSpreadKm);
      ifSet(medianTravelKm, b::medianTravelKm);
      ifSet(maxTravelKm, b::maxTravelKm);
      ifSet(remoteJobShare, b::remoteJobShare);
      ifSet(noHomeShare, b::noHomeShare);
      return b.build();
    }

    private static void ifSet(@Nullable Double value, DoubleFunction<MarketShape.Builder> setter) {
      if (value != null) {
        setter.apply(value);
      }
    }
  }
}
