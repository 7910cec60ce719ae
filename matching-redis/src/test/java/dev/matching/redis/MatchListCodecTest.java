package dev.matching.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchListCodecTest {

  static final List<Match> FIXTURE_MATCHES = List.of(
      new Match("j-1", 0.9876543210987654, new FactorScores(0.1 + 0.2, 1.0 / 3, Math.nextDown(1.0), 0)),
      new Match("求人-2", 0.5, new FactorScores(1, 0.25, Double.MIN_VALUE, 1)));
  static final Instant FIXTURE_COMPUTED_AT = Instant.parse("2026-04-01T03:00:00.123456789Z");

  /** The checked-in version 1 payload, as a rolling upgrade finds it in Redis. */
  static String v1Fixture() throws IOException {
    try (InputStream in = MatchListCodecTest.class.getResourceAsStream("match-list-v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void readsTheVersion1Fixture() throws IOException {
    MatchListCodec.Decoded decoded = MatchListCodec.decode(v1Fixture());

    assertThat(decoded.computedAt()).isEqualTo(FIXTURE_COMPUTED_AT);
    assertThat(decoded.matches()).isEqualTo(FIXTURE_MATCHES);
  }

  @Test
  void roundTripsEveryDoubleBitForBit() {
    String payload = MatchListCodec.encode(FIXTURE_COMPUTED_AT, FIXTURE_MATCHES);

    assertThat(payload).startsWith("{\"v\":1,");
    assertThat(MatchListCodec.decode(payload)).isEqualTo(new MatchListCodec.Decoded(FIXTURE_COMPUTED_AT, FIXTURE_MATCHES));
  }

  @Test
  void skipsUnknownMembersOfAKnownVersion() {
    String payload = "{\"v\":1,\"computedAt\":\"2026-04-01T03:00:00Z\",\"addedLater\":{\"x\":[1,2]},\"matches\":[]}";

    assertThat(MatchListCodec.decode(payload).matches()).isEmpty();
  }

  @Test
  void rejectsANewerVersionWithAnExplanation() {
    assertThatThrownBy(() -> MatchListCodec.decode("{\"v\":2,\"computedAt\":\"2026-04-01T03:00:00Z\",\"m\":\"?\"}"))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("format version 2")
        .hasMessageContaining("upgrade every reader");
  }

  @Test
  void rejectsCorruptPayloads() {
    for (String corrupt : List.of("", "not json", "{\"v\":1}", "{\"v\":1,\"computedAt\":\"yesterday\",\"matches\":[]}",
        "{\"v\":1,\"computedAt\":\"2026-04-01T03:00:00Z\",\"matches\":[[\"j-1\",1.5,0,0,0,0]]}",
        "{\"v\":1,\"computedAt\":\"2026-04-01T03:00:00Z\",\"matches\":[[\"j-1\",\"high\",0,0,0,0]]}")) {
      assertThatThrownBy(() -> MatchListCodec.decode(corrupt)).as(corrupt).isInstanceOf(StorageException.class);
    }
  }

  @Test
  void quotedIdIsExactlyHowThePayloadSpellsIt() {
    String id = "w-\"quoted\"\\ 東京";
    String payload = MatchListCodec.encode(FIXTURE_COMPUTED_AT, List.of(new Match(id, 1, new FactorScores(1, 1, 1, 1))));

    assertThat(payload).contains(MatchListCodec.quoted(id));
  }
}
