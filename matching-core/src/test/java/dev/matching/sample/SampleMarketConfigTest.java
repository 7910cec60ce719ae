package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SampleMarketConfigTest {

  @Test
  void defaultsAreDocumented() {
    SampleMarketConfig c = SampleMarketConfig.ofDefaults();
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.jobs()).isEqualTo(1_000);
    assertThat(c.workers()).isEqualTo(1_000);
    assertThat(c.start()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(c.horizonDays()).isEqualTo(14);
    assertThat(c.end()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(c.shape()).isSameAs(MarketShape.ofDefaults());
    assertThat(SampleMarketConfig.custom().build()).isEqualTo(c);
  }

  @Test
  void builderSetsEveryField() {
    SampleMarketConfig c = SampleMarketConfig.custom()
        .seed(-7).jobs(0).workers(5_000_000).start(LocalDate.of(2030, 2, 28)).horizonDays(366)
        .shape(MarketShape.custom().remoteJobShare(1).build()).build();
    assertThat(c.seed()).isEqualTo(-7);
    assertThat(c.jobs()).isZero();
    assertThat(c.workers()).isEqualTo(5_000_000);
    assertThat(c.start()).isEqualTo(LocalDate.of(2030, 2, 28));
    assertThat(c.horizonDays()).isEqualTo(366);
    assertThat(c.shape().remoteJobShare()).isEqualTo(1.0);
    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.toBuilder().seed(8).build()).isNotEqualTo(c);
    assertThat(c.toBuilder().shape(MarketShape.ofDefaults()).build()).isNotEqualTo(c);
    assertThat(c.toString()).contains("seed=-7", "jobs=0", "horizonDays=366");
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        invalid(b -> b.jobs(-1), "jobs: must be within [0, 5000000], was -1"),
        invalid(b -> b.jobs(5_000_001), "jobs: must be within [0, 5000000], was 5000001"),
        invalid(b -> b.workers(-1), "workers: must be within [0, 5000000], was -1"),
        invalid(b -> b.horizonDays(0), "horizonDays: must be within [1, 366], was 0"),
        invalid(b -> b.horizonDays(367), "horizonDays: must be within [1, 366], was 367"),
        invalid(b -> b.start(LocalDate.of(1999, 12, 31)),
            "start: must be within [2000-01-01, 2100-12-31], was 1999-12-31"),
        invalid(b -> b.start(LocalDate.of(2101, 1, 1)),
            "start: must be within [2000-01-01, 2100-12-31], was 2101-01-01"),
        invalid(SampleMarketConfigTest::withoutStart, "start: is required"),
        invalid(SampleMarketConfigTest::withoutShape, "shape: is required"));
  }

  @ParameterizedTest
  @MethodSource("invalidConfigs")
  void invalidValuesFailNamingTheFieldAndValue(UnaryOperator<SampleMarketConfig.Builder> change, String message) {
    SampleMarketConfig.Builder builder = change.apply(SampleMarketConfig.custom());
    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  /** Passes null to the non-null parameter, as a caller without null checking might. */
  private static SampleMarketConfig.Builder withoutStart(SampleMarketConfig.Builder b) {
    LocalDate none = null;
    return b.start(none);
  }

  /** Passes null to the non-null parameter. */
  private static SampleMarketConfig.Builder withoutShape(SampleMarketConfig.Builder b) {
    MarketShape none = null;
    return b.shape(none);
  }

  private static Arguments invalid(UnaryOperator<SampleMarketConfig.Builder> change, String message) {
    return Arguments.of(change, message);
  }
}
