package dev.matching.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention policy and integrity-check options: defaults and rejected values. */
class LifecycleConfigTest {

  @Test
  void retentionDefaultsFollowTheOperationsManual() {
    RetentionPolicy policy = RetentionPolicy.ofDefaults();
    assertThat(policy.batchRuns()).isEqualTo(Duration.ofDays(365));
    assertThat(policy.matchResults()).isEqualTo(Duration.ofDays(30));
    assertThat(policy.inactiveWorkers()).isEqualTo(Duration.ofDays(1095));
    assertThat(policy.toBuilder().matchResults(Duration.ZERO).build().matchResults()).isZero();
  }

  @Test
  void negativeOrMissingAgesAreRejectedNamingTheField() {
    assertThatThrownBy(() -> RetentionPolicy.custom().batchRuns(Duration.ofDays(-1)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchRuns").hasMessageContaining("-24H");
    assertThatThrownBy(() -> RetentionPolicy.custom().inactiveWorkers(null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inactiveWorkers");
  }

  @Test
  void integrityOptionsAreChecked() {
    assertThat(IntegrityCheckConfig.ofDefaults().sampleSize()).isEqualTo(20);
    assertThatThrownBy(() -> IntegrityCheckConfig.custom().sampleSize(0).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sampleSize");
    assertThatThrownBy(() -> IntegrityCheckConfig.custom().stalledAfter(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stalledAfter");
  }
}
