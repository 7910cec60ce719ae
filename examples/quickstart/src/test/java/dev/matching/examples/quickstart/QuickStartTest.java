package dev.matching.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.Explanation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  private static final Pattern RANKED = Pattern.compile("^  \\d+\\. (\\S+)\\s+score (\\d\\.\\d{4})", Pattern.MULTILINE);
  private static final Pattern WHY = Pattern.compile("^  why (\\S+) and (\\S+) score (\\d\\.\\d{4}):", Pattern.MULTILINE);

  @Test
  void printsRankedMatchesWithExplanationsThatAgreeWithTheEngine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MatchingEngine engine = QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5_000, 1_000);
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(engine.jobIndex().size()).isEqualTo(5_000);
    assertThat(engine.workerIndex().size()).isEqualTo(1_000);
    assertThat(out).contains("Top 5 jobs for worker-").contains("Top 5 workers for job-");

    List<Double> scores = new ArrayList<>();
    Matcher ranked = RANKED.matcher(out);
    while (ranked.find()) {
      scores.add(Double.parseDouble(ranked.group(2)));
    }
    assertThat(scores).hasSizeGreaterThanOrEqualTo(10).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));

    Matcher why = WHY.matcher(out);
    int explained = 0;
    while (why.find()) {
      explained++;
      double printed = Double.parseDouble(why.group(3));
      assertThat(engine.explain(why.group(1), why.group(2)).total()).isCloseTo(printed, org.assertj.core.data.Offset.offset(5e-5));
    }
    assertThat(explained).isGreaterThanOrEqualTo(2);
  }

  /** The snippet at the top of the README, verbatim apart from the assertions. */
  @Test
  void readmeSnippetWorks() {
    MatchingEngine engine = MatchingEngine.builder().build();      // in-memory stores
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    engine.upsertJob(Job.builder("job-1").employerId("acme").location(35.681, 139.767)
        .require("cashier", 2)
        .shift(Shift.of(LocalDate.of(2026, 12, 5), LocalTime.of(22, 0), LocalTime.of(6, 0), tokyo))
        .hourlyPay(1_300).build());
    engine.upsertWorker(Worker.builder("worker-1").home(35.69, 139.70).maxTravelKm(10)
        .skill("cashier", 3).build());
    MatchPage page = engine.topJobsFor("worker-1", MatchQuery.top(20));
    Explanation why = engine.explain("worker-1", "job-1");

    assertThat(page.matches()).extracting(Match::id).containsExactly("job-1");
    assertThat(why.eligible()).isTrue();
    assertThat(why.total()).isEqualTo(page.matches().get(0).score());
  }
}
