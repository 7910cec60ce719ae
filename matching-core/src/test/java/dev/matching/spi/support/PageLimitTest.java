package dev.matching.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.model.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageLimitTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 500, 9_999, 10_000})
  void limitsFromOneToTenThousandPass(int limit) {
    assertThat(PageLimit.check(limit)).isEqualTo(limit);
  }

  @ParameterizedTest
  @CsvSource({
      "0, 'limit: must be within [1, 10000], was 0'",
      "-1, 'limit: must be within [1, 10000], was -1'",
      "10001, 'limit: must be within [1, 10000], was 10001'",
      "-2147483648, 'limit: must be within [1, 10000], was -2147483648'",
      "2147483647, 'limit: must be within [1, 10000], was 2147483647'",
  })
  void otherLimitsAreRefusedNamingTheRange(int limit, String message) {
    assertThatThrownBy(() -> PageLimit.check(limit))
        .isExactlyInstanceOf(InvalidArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void theLimitIsTenThousand() {
    assertThat(PageLimit.MAX).isEqualTo(10_000);
  }
}
