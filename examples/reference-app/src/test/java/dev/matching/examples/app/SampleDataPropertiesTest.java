package dev.matching.examples.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.sample.MarketShape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code sample.*}: sizes, and the market shape a load test varies. */
class SampleDataPropertiesTest {

  private static SampleDataProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("sample", SampleDataProperties.class);
  }

  @Test
  void withoutShapeKeysTheMarketHasTheSampleShape() {
    SampleDataProperties p = bind(Map.of("sample.jobs", "1000"));

    assertThat(p.jobs()).isEqualTo(1000);
    assertThat(p.workers()).isEqualTo(50_000);
    assertThat(p.shape().toMarketShape()).isEqualTo(MarketShape.ofDefaults());
  }

  @Test
  void shapeKeysChangeOnlyTheirFields() {
    SampleDataProperties p = bind(Map.of(
        "sample.shape.metro-share", "0.8",
        "sample.shape.median-travel-km", "30",
        "sample.shape.max-travel-km", "60"));

    assertThat(p.shape().toMarketShape()).isEqualTo(MarketShape.custom()
        .metroShare(0.8).medianTravelKm(30).maxTravelKm(60).build());
  }

  @Test
  void anInvalidShapeIsRefusedWhenTheMarketIsMade() {
    SampleDataProperties p = bind(Map.of("sample.shape.metro-share", "1.5"));

    assertThatThrownBy(() -> p.shape().toMarketShape()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }

  @Test
  void aShareThatIsNotANumberFailsBinding() {
    assertThatThrownBy(() -> bind(Map.of("sample.shape.remote-job-share", "many")))
        .isInstanceOf(BindException.class);
  }
}
