package dev.matching.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ClientOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisMatchingConfigTest {

  @Test
  void defaults() {
    RedisMatchingConfig config = RedisMatchingConfig.ofDefaults();

    assertThat(config.keyPrefix()).isEqualTo("matching");
    assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.resultTtl()).isEqualTo(Duration.ofDays(3));
  }

  @Test
  void badValuesNameTheirField() {
    assertThatThrownBy(() -> RedisMatchingConfig.custom().keyPrefix("app:")).hasMessageStartingWith("keyPrefix:");
    assertThatThrownBy(() -> RedisMatchingConfig.custom().keyPrefix(" ")).hasMessageStartingWith("keyPrefix:");
    assertThatThrownBy(() -> RedisMatchingConfig.custom().commandTimeout(Duration.ZERO)).hasMessageStartingWith("commandTimeout:");
    assertThatThrownBy(() -> RedisMatchingConfig.custom().resultTtl(Duration.ofMillis(10))).hasMessageStartingWith("resultTtl:");
    assertThatThrownBy(() -> RedisMatchingConfig.custom().eventStreamMaxLength(0)).hasMessageStartingWith("eventStreamMaxLength:");
    assertThatThrownBy(() -> RedisMatchingConfig.custom().eraseScanBatch(0)).hasMessageStartingWith("eraseScanBatch:");
  }

  @Test
  void recommendedClientOptionsFailFastWhileDisconnected() {
    ClientOptions options = RedisMatching.clientOptions(RedisMatchingConfig.custom().commandTimeout(Duration.ofMillis(750)).build());

    assertThat(options.isAutoReconnect()).isTrue();
    assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
    assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(750));
  }
}
