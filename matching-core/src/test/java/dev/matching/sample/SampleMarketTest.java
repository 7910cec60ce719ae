package dev.matching.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.matching.model.DateOverride;
import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleMarketTest {

  private static final SampleMarketConfig TEN_THOUSAND = SampleMarketConfig.custom()
      .seed(2026).jobs(10_000).workers(10_000).start(LocalDate.of(2026, 12, 1)).horizonDays(14)
      .shape(MarketShape.ofDefaults()).build();
  private static final SampleMarket MARKET = SampleMarket.generate(TEN_THOUSAND);
  private static final GeoPoint TOKYO_STATION = GeoPoint.of(35.6812, 139.7671);

  @Test
  void sameConfigGeneratesEqualMarkets() {
    SampleMarket again = SampleMarket.generate(TEN_THOUSAND);
    assertThat(again.jobs()).isEqualTo(MARKET.jobs());
    assertThat(again.workers()).isEqualTo(MARKET.workers());
    assertThat(again.config()).isEqualTo(TEN_THOUSAND);
  }

  @Test
  void anotherSeedGeneratesAnotherMarket() {
    SampleMarket other = SampleMarket.generate(TEN_THOUSAND.toBuilder().seed(2027).jobs(100).workers(100).build());
    for (int i = 0; i < 100; i++) {
      assertThat(other.jobs().get(i)).isNotEqualTo(MARKET.jobs().get(i));
      assertThat(other.workers().get(i)).isNotEqualTo(MARKET.workers().get(i));
    }
  }

  @Test
  void entityIDependsOnlyOnSeedAndIndexNotOnTheSize() {
    SampleMarket small = SampleMarket.generate(TEN_THOUSAND.toBuilder().jobs(300).workers(200).build());
    assertThat(small.jobs()).isEqualTo(MARKET.jobs().subList(0, 300));
    assertThat(small.workers()).isEqualTo(MARKET.workers().subList(0, 200));
    SampleMarket workersOnly = SampleMarket.generate(TEN_THOUSAND.toBuilder().jobs(0).workers(50).build());
    assertThat(workersOnly.jobs()).isEmpty();
    assertThat(workersOnly.workers()).isEqualTo(MARKET.workers().subList(0, 50));
  }

  @Test
  void streamsProduceTheGeneratedEntities() {
    assertThat(SampleMarket.streamJobs(TEN_THOUSAND).collect(Collectors.toList())).isEqualTo(MARKET.jobs());
    assertThat(SampleMarket.streamWorkers(TEN_THOUSAND).collect(Collectors.toList())).isEqualTo(MARKET.workers());
    SampleMarketConfig smaller = TEN_THOUSAND.toBuilder().jobs(2_000).workers(2_000).build();
    assertThat(SampleMarket.streamJobs(smaller).parallel().collect(Collectors.toList()))
        .isEqualTo(MARKET.jobs().subList(0, 2_000));
    assertThat(SampleMarket.streamWorkers(smaller).parallel().collect(Collectors.toList()))
        .isEqualTo(MARKET.workers().subList(0, 2_000));
  }

  @Test
  void listsAreUnmodifiable() {
    assertThat(MARKET.jobs()).isUnmodifiable();
    assertThat(MARKET.workers()).isUnmodifiable();
  }

  @Test
  void idsAreUniqueZeroPaddedAndInOrder() {
    List<String> jobIds = MARKET.jobs().stream().map(Job::id).collect(Collectors.toList());
    assertThat(jobIds).doesNotHaveDuplicates().isSorted().allMatch(id -> id.matches("job-\\d{7}"));
    assertThat(jobIds.get(0)).isEqualTo("job-0000001");
    assertThat(jobIds.get(9_999)).isEqualTo("job-0010000");
    List<String> workerIds = MARKET.workers().stream().map(Worker::id).collect(Collectors.toList());
    assertThat(workerIds).doesNotHaveDuplicates().isSorted().allMatch(id -> id.matches("worker-\\d{7}"));
    assertThat(workerIds.get(0)).isEqualTo("worker-0000001");
  }

  @Test
  void employersComeFromAPoolOfAboutOnePerTwentyJobs() {
    Set<String> employers = MARKET.jobs().stream().map(Job::employerId).collect(Collectors.toSet());
    assertThat(employers).allMatch(id -> id.matches("emp-\\d{6}"));
    assertThat(employers.size()).isBetween(100, 10_000 / 20 + 1);
  }

  @Test
  void placedJobsAndHomesAreInJapan() {
    for (Job job : MARKET.jobs()) {
      if (!job.remote()) {
        assertThat(inJapan(job.location())).as(job.toString()).isTrue();
      }
    }
    for (Worker worker : MARKET.workers()) {
      if (worker.home() != null) {
        assertThat(inJapan(worker.home())).as(worker.toString()).isTrue();
      }
    }
  }

  @Test
  void tokyoAreaIsDense() {
    assertThat(share(MARKET.jobs(), j -> !j.remote() && j.location().distanceKm(TOKYO_STATION) <= 50))
        .isGreaterThan(0.20);
    assertThat(share(MARKET.workers(), w -> w.home() != null && w.home().distanceKm(TOKYO_STATION) <= 50))
        .isGreaterThan(0.20);
  }

  @Test
  void sharesOfRemoteClosedAndUnscheduledJobsAreAsDocumented() {
    assertThat(share(MARKET.jobs(), Job::remote)).isCloseTo(0.02, within(0.006));
    assertThat(share(MARKET.jobs(), j -> !j.open())).isCloseTo(0.03, within(0.008));
    assertThat(share(MARKET.jobs(), j -> j.shifts().isEmpty())).isCloseTo(0.01, within(0.004));
    assertThat(share(MARKET.jobs(), j -> j.pay().maxYen() > j.pay().minYen())).isCloseTo(0.25, within(0.03));
    assertThat(SampleMarket.generate(TEN_THOUSAND.toBuilder().jobs(1_000)
        .shape(MarketShape.custom().remoteJobShare(0).build()).build()).jobs())
        .noneMatch(Job::remote);
    assertThat(SampleMarket.generate(TEN_THOUSAND.toBuilder().jobs(1_000)
        .shape(MarketShape.custom().remoteJobShare(1).build()).build()).jobs())
        .allMatch(Job::remote);
  }

  @Test
  void titlesNameThePlaceAndPayIsAtLeastItsMinimumWage() {
    int lowestMinimumWage = Prefecture.lowestMinimumWageYen();
    for (Job job : MARKET.jobs()) {
      String title = job.title();
      assertThat(title).startsWith("【").contains("】").hasSizeLessThan(Job.MAX_TITLE_LENGTH);
      String where = title.substring(1, title.indexOf('】'));
      int minimumWage;
      if (job.remote()) {
        assertThat(where).isEqualTo("在宅");
        minimumWage = lowestMinimumWage;
      } else {
        minimumWage = JapanPlaces.named(where).orElseThrow().prefecture().minimumWageYen();
      }
      boolean lateNight = title.contains("夜勤");
      assertThat(job.pay().minYen()).as(job.toString())
          .isGreaterThanOrEqualTo(lateNight ? (int) Math.ceil(1.25 * minimumWage) : minimumWage)
          .isLessThan(3_000);
      assertThat(job.pay().minYen() % 10).isZero();
      assertThat(job.pay().maxYen()).isLessThanOrEqualTo(job.pay().minYen() + 300);
    }
  }

  @Test
  void shiftsFallInTheHorizonAtUsualHours() {
    LocalDate start = TEN_THOUSAND.start();
    Set<LocalTime> starts = new HashSet<>();
    for (Job job : MARKET.jobs()) {
      assertThat(job.shifts()).hasSizeLessThanOrEqualTo(14);
      for (Shift shift : job.shifts()) {
        ZonedDateTime local = shift.start().atZone(SampleMarket.ZONE);
        assertThat(local.toLocalDate()).isBetween(start, start.plusDays(13));
        assertThat(shift.duration().toHours()).isBetween(3L, 8L);
        assertThat(shift.zone()).isEqualTo(SampleMarket.ZONE);
        starts.add(local.toLocalTime());
      }
    }
    assertThat(starts).containsExactlyInAnyOrder(LocalTime.of(6, 0), LocalTime.of(7, 0), LocalTime.of(9, 0),
        LocalTime.of(10, 0), LocalTime.of(11, 0), LocalTime.of(17, 0), LocalTime.of(22, 0));
    assertThat(MARKET.jobs()).anyMatch(j -> j.shifts().size() == 14).anyMatch(j -> j.shifts().size() == 1);
  }

  @Test
  void jobsHaveRealisticSkillsAndHeadcounts() {
    SkillsCatalog catalog = MARKET.skills();
    for (Job job : MARKET.jobs()) {
      assertThat(job.requiredSkills()).hasSizeLessThanOrEqualTo(2)
          .allSatisfy(s -> {
            assertThat(catalog.contains(s.skill())).isTrue();
            assertThat(s.minLevel()).isBetween(1, 3);
          });
      assertThat(job.preferredSkills()).hasSizeBetween(1, 4)
          .allSatisfy(s -> {
            assertThat(catalog.contains(s.skill())).isTrue();
            assertThat(s.weight()).isBetween(0.5, 3.0);
          });
      assertThat(job.headcount()).isBetween(1, 10);
    }
    assertThat(share(MARKET.jobs(), j -> j.headcount() == 1)).isGreaterThan(0.3);
  }

  @Test
  void workersLookLikePartTimers() {
    SkillsCatalog catalog = MARKET.skills();
    LocalDate start = TEN_THOUSAND.start();
    for (Worker worker : MARKET.workers()) {
      assertThat(worker.maxTravelKm()).isBetween(3.0, 30.0);
      assertThat(worker.skills()).hasSizeBetween(1, 6);
      assertThat(worker.skills().keySet()).allMatch(catalog::contains);
      if (worker.availability() != null) {
        assertThat(worker.availability().zone()).isEqualTo(SampleMarket.ZONE);
        assertThat(worker.availability().weekly()).isNotEmpty();
        assertThat(worker.availability().overrides()).extracting(DateOverride::date)
            .allMatch(d -> !d.isBefore(start) && d.isBefore(TEN_THOUSAND.end()));
      }
      if (worker.desiredPay() != null) {
        assertThat(worker.desiredPay().minHourlyYen()).isBetween(Prefecture.lowestMinimumWageYen(), 1_500);
      }
    }
    assertThat(share(MARKET.workers(), w -> w.maxTravelKm() >= 5 && w.maxTravelKm() <= 15)).isGreaterThan(0.6);
    assertThat(share(MARKET.workers(), w -> w.home() == null)).isCloseTo(0.02, within(0.006));
    assertThat(share(MARKET.workers(), w -> w.availability() == null)).isCloseTo(0.02, within(0.006));
    assertThat(share(MARKET.workers(), w -> !w.active())).isCloseTo(0.03, within(0.008));
    assertThat(share(MARKET.workers(), w -> w.desiredPay() == null)).isCloseTo(0.10, within(0.015));
    assertThat(share(MARKET.workers(), w -> w.desiredPay() != null && w.desiredPay().hard()))
        .isCloseTo(0.9 * 0.2, within(0.02));
    assertThat(share(MARKET.workers(), w -> w.desiredHoursPerWeek() != null)).isCloseTo(0.4, within(0.03));
    assertThat(share(MARKET.workers(), w -> w.availability() != null && !w.availability().overrides().isEmpty()))
        .isCloseTo(0.98 * 0.3, within(0.03));
  }

  @Test
  void everyHorizonLengthWorks() {
    for (int days : new int[] {1, 6, SampleMarketConfig.MAX_HORIZON_DAYS}) {
      SampleMarketConfig config = TEN_THOUSAND.toBuilder().horizonDays(days).jobs(300).workers(300).build();
      SampleMarket market = SampleMarket.generate(config);
      assertThat(market.jobs()).hasSize(300).allMatch(j -> j.shifts().size() <= days);
      assertThat(market.workers()).hasSize(300);
    }
  }

  @Test
  void emptyMarketIsEmpty() {
    SampleMarket empty = SampleMarket.generate(TEN_THOUSAND.toBuilder().jobs(0).workers(0).build());
    assertThat(empty.jobs()).isEmpty();
    assertThat(empty.workers()).isEmpty();
    assertThat(empty.toString()).startsWith("SampleMarket[0 jobs, 0 workers");
  }

  private static boolean inJapan(GeoPoint p) {
    return p.latitude() >= 24 && p.latitude() <= 46 && p.longitude() >= 122 && p.longitude() <= 146;
  }

  private static <T> double share(List<T> items, Predicate<? super T> test) {
    return (double) items.stream().filter(test).count() / items.size();
  }
}
