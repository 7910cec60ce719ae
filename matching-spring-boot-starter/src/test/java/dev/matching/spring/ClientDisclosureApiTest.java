package dev.matching.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.query.Cursor;
import dev.matching.query.Direction;
import dev.matching.query.MatchQuery;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.HttpCalls.Reply;
import dev.matching.spring.security.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client key is shown of workers, over real HTTP with security on: no travel limit and
 * no pay wish in any response a client gets (explanations, rejections, rankings in both
 * directions, search, stored recommendations) while an operator sees the exact values; pay
 * wishes within one 100 JPY step look the same to a client; and sealed paging cursors (pages
 * concatenate to the full ranking, a modified or foreign cursor is 400 naming {@code cursor},
 * the text holds no score).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"matching.batch.enabled=false", "matching.security.enabled=true",
        "matching.security.keys[0].name=back-office", "matching.security.keys[0].role=operator",
        "matching.security.keys[0].hash=" + ClientDisclosureApiTest.OPERATOR_HASH,
        "matching.security.keys[1].name=acme-app", "matching.security.keys[1].role=client",
        "matching.security.keys[1].employer-id=acme",
        "matching.security.keys[1].hash=" + ClientDisclosureApiTest.CLIENT_HASH,
        "matching.security.requests-per-minute.client=0", "matching.security.requests-per-minute.operator=0",
        "matching.web.cursor-secret=test-cursor-secret-0123456789"})
@Timeout(120)
class ClientDisclosureApiTest {
  static final String OPERATOR = "disclosure-operator-key-0123456";
  static final String CLIENT = "disclosure-client-key-012345678";
  static final String OPERATOR_HASH = "sha256:74fa8eafca2060c3ccd674f7162a906ba9346198c55ca07048eae95057c53736";
  static final String CLIENT_HASH = "sha256:d80379534a9ddaf48e58a2a805bf55dff66310690e7e18c3b2ba90bda0306708";

  @Value("${local.server.port}")
  int port;
  @Autowired
  MatchingEngine engine;
  @Autowired
  MatchResultStore results;

  private HttpCalls calls;

  private static String job(double lat, double lng, int pay) {
    return """
        {"employer_id":"acme","title":"Cashier","location":{"lat":%s,"lng":%s},"pay":{"min":%d},"headcount":1}
        """.formatted(lat, lng, pay);
  }

  private static String worker(double maxTravelKm, int wish, boolean hard) {
    return """
        {"home":{"lat":35.6812,"lng":139.7671},"max_travel_km":%s,"desired_pay":{"min_hourly":%d,"hard":%s}}
        """.formatted(maxTravelKm, wish, hard);
  }

  @BeforeEach
  void seed() throws Exception {
    calls = new HttpCalls(port);
    // about 3.7, 7.3 and 19.2 km from the homes; the last beyond every worker's limit
    put("/api/v1/jobs/near", job(35.7145, 139.7671, 1300), CLIENT);
    put("/api/v1/jobs/mid", job(35.6812, 139.8477, 1460), CLIENT);
    put("/api/v1/jobs/far", job(35.8539, 139.7671, 1600), CLIENT);
    put("/api/v1/workers/soft", worker(12, 1475, false), OPERATOR);
    put("/api/v1/workers/soft-same-step", worker(12.3, 1420, false), OPERATOR);
    put("/api/v1/workers/hard", worker(12, 1475, true), OPERATOR);
    for (int i = 0; i < 6; i++) { // more workers to page through
      put("/api/v1/workers/extra-" + i, """
          {"home":{"lat":%s,"lng":139.76},"max_travel_km":30,"desired_pay":{"min_hourly":%d,"hard":false}}
          """.formatted(35.66 + 0.011 * i, 1100 + 50 * i), OPERATOR);
    }
  }

  private void put(String path, String body, String key) throws Exception {
    assertThat(calls.send("PUT", path, body, key).status()).isIn(200, 201);
  }

  /** Everything a caller can read about the three workers of interest, as one text. */
  private String everything(String key) throws Exception {
    StringBuilder all = new StringBuilder();
    for (String w : List.of("soft", "soft-same-step", "hard")) {
      for (String j : List.of("near", "mid", "far")) {
        all.append(ok("GET", "/api/v1/workers/" + w + "/explain/" + j, null, key)).append('\n');
      }
      all.append(ok("GET", "/api/v1/workers/" + w + "/matches", null, key)).append('\n');
      all.append(ok("GET", "/api/v1/workers/" + w + "/recommendations", null, key)).append('\n');
    }
    for (String j : List.of("near", "mid", "far")) {
      all.append(ok("GET", "/api/v1/jobs/" + j + "/matches", null, key)).append('\n');
      all.append(ok("GET", "/api/v1/jobs/" + j + "/recommendations", null, key)).append('\n');
    }
    all.append(ok("POST", "/api/v1/search/workers", job(35.7145, 139.7671, 1300), key)).append('\n');
    return all.toString();
  }

  private String ok(String method, String path, String body, String key) throws Exception {
    Reply r = calls.send(method, path, body, key);
    assertThat(r.status()).as("%s %s", method, path).isEqualTo(200);
    return r.raw().body();
  }

  /** Stores exact batch lists of every worker and job, as the batch would. */
  private void storeBatchLists() {
    for (Direction d : Direction.values()) {
      long generation = results.publishedGeneration(d).orElse(0) + 1;
      Map<String, List<dev.matching.query.Match>> lists = new java.util.HashMap<>();
      if (d == Direction.JOBS_FOR_WORKER) {
        for (String w : List.of("soft", "soft-same-step", "hard")) {
          lists.put(w, engine.topJobsFor(w, MatchQuery.top(50)).matches());
        }
      } else {
        for (String j : List.of("near", "mid", "far")) {
          lists.put(j, engine.topWorkersFor(j, MatchQuery.top(50)).matches());
        }
      }
      results.write(d, generation, Instant.now(), lists);
      results.publish(d, generation);
    }
  }

  @Test
  void aClientSeesNoTravelLimitOrPayWishWhileAnOperatorSeesThem() throws Exception {
    storeBatchLists();
    String operator = everything(OPERATOR);
    assertThat(operator).contains("limit 12.0 km", "limit 12.3 km", "wish of 1475 JPY/h", "wish of 1420 JPY/h",
        "floor of 1475 JPY/h", "beyond the worker's limit of 12.0 km", "below the worker's floor of 1475 JPY/h");

    String client = everything(CLIENT);
    assertThat(client).doesNotContain("12.0", "12.3", "1475", "1420", "1500", "limit of", "wish of", "floor of")
        .contains("about 3 km from home", "about 19 km is beyond the worker's travel limit",
            "1300 JPY/h is below the worker's pay floor", "against the worker's pay wish");
    Reply explained = calls.send("GET", "/api/v1/workers/soft/explain/mid", null, CLIENT);
    JsonNode distance = explained.body().get("factors").get(0);
    assertThat(distance.get("raw").asDouble()).isEqualTo(Math.rint(distance.get("raw").asDouble()));
    // contributions still add up to the total
    double sum = 0;
    for (JsonNode f : explained.body().get("factors")) {
      sum += f.get("contribution").asDouble();
    }
    assertThat(sum).isCloseTo(explained.body().get("total").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void payWishesWithinOneStepLookTheSameToAClient() throws Exception {
    for (String j : List.of("near", "mid", "far")) {
      JsonNode a = calls.send("GET", "/api/v1/workers/soft/explain/" + j, null, CLIENT).body();
      JsonNode b = calls.send("GET", "/api/v1/workers/soft-same-step/explain/" + j, null, CLIENT).body();
      ((ObjectNode) b).put("worker_id", "soft");
      assertThat(b).isEqualTo(a);
      JsonNode exactA = calls.send("GET", "/api/v1/workers/soft/explain/" + j, null, OPERATOR).body();
      JsonNode exactB = calls.send("GET", "/api/v1/workers/soft-same-step/explain/" + j, null, OPERATOR).body();
      ((ObjectNode) exactB).put("worker_id", "soft");
      assertThat(exactB).isNotEqualTo(exactA);
    }
  }

  @Test
  void pagesReadWithSealedCursorsConcatenateToTheFullRanking() throws Exception {
    for (String key : List.of(CLIENT, OPERATOR)) {
      for (String ranking : List.of("/api/v1/jobs/near/matches", "/api/v1/workers/extra-2/matches")) {
        JsonNode full = calls.send("GET", ranking + "?limit=100", null, key).body().get("matches");
        List<JsonNode> paged = new ArrayList<>();
        String cursor = null;
        do {
          Reply page = calls.send("GET", ranking + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null, key);
          assertThat(page.status()).isEqualTo(200);
          page.body().get("matches").forEach(paged::add);
          JsonNode next = page.body().get("next_cursor");
          cursor = next == null ? null : next.asString();
          if (cursor != null) {
            assertNoScoreIn(cursor);
          }
        } while (cursor != null);
        assertThat(paged).as("%s for %s", ranking, key).containsExactlyElementsOf(full);
        assertThat(paged).hasSizeGreaterThan(2);
      }
    }
  }

  private static void assertNoScoreIn(String cursor) {
    assertThat(cursor).doesNotContain(".");
    String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
    assertThat(decoded).doesNotContain("m1:", "0.", "3fe", "3FE");
    try {
      Cursor.decode(cursor);
      throw new AssertionError("a sealed cursor decoded as a plain one: " + cursor);
    } catch (IllegalArgumentException expected) {
      // opaque
    }
  }

  @Test
  void aModifiedForeignOrPlainCursorIsRejectedNamingCursor() throws Exception {
    String cursor = calls.send("GET", "/api/v1/jobs/near/matches?limit=1", null, CLIENT).body().get("next_cursor")
        .asString();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < cursor.length(); i += 7) { // flip one character at a time
      char c = cursor.charAt(i);
      bad.add(cursor.substring(0, i) + (c == 'A' ? 'B' : 'A') + cursor.substring(i + 1));
    }
    bad.add(cursor.substring(0, cursor.length() - 2));
    bad.add(new Cursor(0.5, "soft").encode()); // today's unsealed form
    for (String b : bad) {
      Reply r = calls.send("GET", "/api/v1/jobs/near/matches?limit=1&cursor=" + b, null, CLIENT);
      assertThat(r.status()).as(b).isEqualTo(400);
      assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }
    // a client's cursor opens only on the ranking it came from
    assertThat(calls.send("GET", "/api/v1/jobs/mid/matches?limit=1&cursor=" + cursor, null, CLIENT).status())
        .isEqualTo(400);
    assertThat(calls.send("GET", "/api/v1/jobs/near/matches?limit=1&preset=nearby&cursor=" + cursor, null, CLIENT)
        .status()).isEqualTo(400);
    assertThat(calls.send("GET", "/api/v1/jobs/near/matches?limit=1&cursor=" + cursor, null, OPERATOR).status())
        .isEqualTo(400);
    put("/api/v1/jobs/near", job(35.7146, 139.7671, 1300), CLIENT); // the job moved: another ranking
    assertThat(calls.send("GET", "/api/v1/jobs/near/matches?limit=1&cursor=" + cursor, null, CLIENT).status())
        .isEqualTo(400);
  }

  @Test
  void keysMatchTheirHashes() {
    assertThat(ApiKeys.hash(OPERATOR)).isEqualTo(OPERATOR_HASH);
    assertThat(ApiKeys.hash(CLIENT)).isEqualTo(CLIENT_HASH);
  }
}
