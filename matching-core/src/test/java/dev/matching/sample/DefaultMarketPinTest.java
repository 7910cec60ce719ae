package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Pins the sample market byte for byte: SHA-256 digests of every field of the first 2,000 jobs
 * and workers of a few configurations, computed on the generator as it was before market shapes
 * existed (issue #20), so the default {@link MarketShape} is the sample market. Whoever changes
 * the generator so that these move changes every benchmark and demo market too; a change meant
 * to do that must say so and update the digests.
 */
class DefaultMarketPinTest {

  private static final int COUNT = 2_000;

  @Test
  void theDefaultConfigurationGeneratesTheSameMarketAsBefore() {
    assertDigests(SampleMarketConfig.custom().jobs(COUNT).workers(COUNT).build(),
        "76878909aafc79d0dfdce68868a45e6ccc8f87973c005f852628bddcceb815ea",
        "55e564e9a1010e4923fda13978555e0b952187e73375f6f087172ddd7e972be1");
  }

  @Test
  void aShapeBuiltWithTheDefaultValuesGeneratesTheSameMarket() {
    MarketShape rebuilt = MarketShape.custom().metroShare(0.5).duplicateShare(0.3).noRequirementShare(0.4).build()
        .toBuilder().metroShare(0).duplicateShare(0).noRequirementShare(0).build();
    assertThat(rebuilt).isEqualTo(MarketShape.ofDefaults());
    assertDigests(SampleMarketConfig.custom().jobs(COUNT).workers(COUNT).shape(rebuilt).build(),
        "76878909aafc79d0dfdce68868a45e6ccc8f87973c005f852628bddcceb815ea",
        "55e564e9a1010e4923fda13978555e0b952187e73375f6f087172ddd7e972be1");
  }

  @Test
  void theBenchmarkSeedGeneratesTheSameMarketAsBefore() {
    assertDigests(SampleMarketConfig.custom().seed(20_261_201L).jobs(COUNT).workers(COUNT).build(),
        "98c409d6738ec9d5f5c48ae6f4e87338f675e3f8cfdc515e40eb9c08d911f93f",
        "2a342781866ca424dfaed7178f38ffbd4f81de22c1e3f9882e922806cd3c54c0");
  }

  @Test
  void anotherHorizonGeneratesTheSameMarketAsBefore() {
    assertDigests(SampleMarketConfig.custom().seed(2026).start(LocalDate.of(2027, 3, 30)).horizonDays(5)
        .jobs(COUNT).workers(COUNT).build(),
        "7fa6be50a84a22e8f6d915fca6f8cf2f9e2875078d9872d5f02aec5aa55e8401",
        "e7e832f0750118c1012696cc876f48a216dee540cb805a37b65df0e120f5f7c0");
  }

  private static void assertDigests(SampleMarketConfig config, String jobs, String workers) {
    SampleMarket market = SampleMarket.generate(config);
    StringBuilder jobText = new StringBuilder();
    market.jobs().forEach(j -> render(j, jobText));
    StringBuilder workerText = new StringBuilder();
    market.workers().forEach(w -> render(w, workerText));
    assertThat(List.of(sha256(jobText), sha256(workerText))).as(config.toString()).containsExactly(jobs, workers);
  }

  /** Every field of the job, explicitly, so that a changed {@code toString} does not move the digest. */
  private static void render(Job j, StringBuilder out) {
    out.append(j.id()).append('|').append(j.employerId()).append('|').append(j.title()).append('|');
    point(j.location(), out);
    for (RequiredSkill s : j.requiredSkills()) {
      out.append("|r:").append(s.skill()).append(',').append(s.minLevel());
    }
    for (PreferredSkill s : j.preferredSkills()) {
      out.append("|p:").append(s.skill()).append(',').append(s.level()).append(',').append(s.weight());
    }
    for (Shift s : j.shifts()) {
      out.append("|s:").append(s.start()).append(',').append(s.end()).append(',').append(s.zone());
    }
    out.append("|pay:").append(j.pay().minYen()).append('-').append(j.pay().maxYen())
        .append("|hc:").append(j.headcount()).append("|open:").append(j.open()).append('\n');
  }

  /** Every field of the worker, explicitly. */
  private static void render(Worker w, StringBuilder out) {
    out.append(w.id()).append('|');
    point(w.home(), out);
    out.append("|km:").append(w.maxTravelKm());
    for (Map.Entry<String, Integer> s : w.skills().entrySet()) {
      out.append("|k:").append(s.getKey()).append(',').append(s.getValue());
    }
    Availability a = w.availability();
    if (a == null) {
      out.append("|a:none");
    } else {
      out.append("|a:").append(a.zone());
      for (WeeklyWindow ww : a.weekly()) {
        out.append("|w:").append(ww.day()).append(',');
        range(ww.time(), out);
      }
      for (DateOverride o : a.overrides()) {
        out.append("|o:").append(o.date());
        for (TimeRange t : o.windows()) {
          out.append(',');
          range(t, out);
        }
      }
    }
    out.append("|pay:").append(w.desiredPay() == null ? "none"
        : w.desiredPay().minHourlyYen() + "," + w.desiredPay().hard());
    out.append("|h:").append(w.desiredHoursPerWeek()).append("|active:").append(w.active()).append('\n');
  }

  private static void point(@Nullable GeoPoint p, StringBuilder out) {
    out.append(p == null ? "none" : p.latitude() + "," + p.longitude());
  }

  private static void range(TimeRange t, StringBuilder out) {
    out.append(t.start()).append('-').append(t.end());
  }

  private static String sha256(CharSequence text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
