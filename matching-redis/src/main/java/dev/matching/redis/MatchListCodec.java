package dev.matching.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.StorageException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON payload of one stored match list. Format version 1:
 *
 * <pre>{"v":1,"computedAt":"2026-04-01T03:00:00Z","matches":[["j-1",0.98,0.3,0.33,0.99,0.5],...]}</pre>
 *
 * <p>Each match is {@code [id, score, distance, skills, schedule, pay]}; doubles are written with
 * {@link Double#toString} precision, so they read back bit for bit. {@code "v"} is written first;
 * a reader rejects a version it does not know with a {@link StorageException} and skips unknown
 * members of a version it knows, so a later writer may add optional members without a new
 * version. Thread-safe and stateless.
 */
final class MatchListCodec {

  /** The version this code writes. */
  static final int FORMAT_VERSION = 1;

  private static final JsonFactory JSON = new ObjectMapper().getFactory();

  /** A decoded payload. */
  record Decoded(Instant computedAt, List<Match> matches) {}

  private MatchListCodec() {}

  static String encode(Instant computedAt, List<Match> matches) {
    StringWriter out = new StringWriter(64 + matches.size() * 96);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("v", FORMAT_VERSION);
      json.writeStringField("computedAt", computedAt.toString());
      json.writeArrayFieldStart("matches");
      for (Match match : matches) {
        FactorScores factors = match.factors();
        json.writeStartArray();
        json.writeString(match.id());
        json.writeNumber(match.score());
        json.writeNumber(factors.distance());
        json.writeNumber(factors.skills());
        json.writeNumber(factors.schedule());
        json.writeNumber(factors.pay());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
    }
    return out.toString();
  }

  /**
   * The exact bytes a match id has inside a payload (a JSON string with its quotes), for a
   * server-side substring search; every payload holding a match with that id contains it.
   */
  static String quoted(String id) {
    StringWriter out = new StringWriter(id.length() + 2);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeString(id);
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to memory cannot fail", e);
    }
    return out.toString();
  }

  /**
   * Reads a payload of any supported version.
   *
   * @throws StorageException when it is not a valid payload or of an unknown version
   */
  static Decoded decode(String payload) {
    try (JsonParser json = JSON.createParser(payload)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      Instant computedAt = null;
      List<Match> matches = null;
      int version = 0;
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String member = json.currentName();
        JsonToken value = json.nextToken();
        switch (member) {
          case "v" -> {
            version = json.getIntValue();
            if (version != FORMAT_VERSION) {
              throw new StorageException("Stored match list has format version " + version
                  + " but this reader knows only " + FORMAT_VERSION + "; upgrade every reader before the writers");
            }
          }
          case "computedAt" -> computedAt = Instant.parse(json.getText());
          case "matches" -> matches = readMatches(json, value);
          default -> json.skipChildren();
        }
      }
      if (version == 0 || computedAt == null || matches == null) {
        throw new StorageException("Stored match list lacks v, computedAt or matches: " + abbreviate(payload));
      }
      return new Decoded(computedAt, matches);
    } catch (IOException | DateTimeException | IllegalArgumentException e) {
      throw new StorageException("Stored match list is not readable: " + abbreviate(payload), e);
    }
  }

  private static List<Match> readMatches(JsonParser json, JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY);
    List<Match> matches = new ArrayList<>();
    while (json.nextToken() == JsonToken.START_ARRAY) {
      expect(json.nextToken(), JsonToken.VALUE_STRING);
      String id = json.getText();
      double score = nextDouble(json);
      FactorScores factors = new FactorScores(nextDouble(json), nextDouble(json), nextDouble(json), nextDouble(json));
      expect(json.nextToken(), JsonToken.END_ARRAY);
      matches.add(new Match(id, score, factors));
    }
    expect(json.currentToken(), JsonToken.END_ARRAY);
    return matches;
  }

  private static double nextDouble(JsonParser json) throws IOException {
    JsonToken token = json.nextToken();
    if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
      throw new StorageException("Expected a number in a stored match, found " + token);
    }
    return json.getDoubleValue();
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new StorageException("Expected " + expected + " in a stored match list, found " + actual);
    }
  }

  private static String abbreviate(String payload) {
    return payload.length() <= 120 ? payload : payload.substring(0, 120) + "...";
  }
}
