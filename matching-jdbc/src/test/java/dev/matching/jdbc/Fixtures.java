package dev.matching.jdbc;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.Job;
import dev.matching.model.PayPreference;
import dev.matching.model.Pay;
import dev.matching.model.Shift;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import dev.matching.sample.SampleMarket;
import dev.matching.sample.SampleMarketConfig;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Domain objects for the tests. */
final class Fixtures {
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private Fixtures() {}

  /** A job using every field. */
  static Job job(String id) {
    return Job.builder(id)
        .employerId("emp-1")
        .title("【新宿】コンビニスタッフ（夜勤） \"quoted\"")
        .location(35.6895, 139.6917)
        .require("接客", 2)
        .prefer("レジ", 3, 1.5)
        .shift(Shift.of(LocalDate.of(2026, 12, 1), LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO))
        .shift(Shift.of(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0), LocalTime.of(17, 30), TOKYO))
        .pay(Pay.range(1_200, 1_500))
        .headcount(3)
        .build();
  }

  /** A worker using every field. */
  static Worker worker(String id) {
    return Worker.builder(id)
        .home(34.6937, 135.5023)
        .maxTravelKm(12.5)
        .skill("接客", 3)
        .skill("レジ", 1)
        .availability(new Availability(TOKYO,
            List.of(WeeklyWindow.of(DayOfWeek.MONDAY, "09:00", "17:00"), WeeklyWindow.of(DayOfWeek.FRIDAY, "22:00", "06:00")),
            List.of(DateOverride.unavailable(LocalDate.of(2026, 12, 7)),
                new DateOverride(LocalDate.of(2026, 12, 8), List.of(TimeRange.of("10:00", "12:30"))))))
        .desiredPay(PayPreference.hard(1_100))
        .desiredHoursPerWeek(20)
        .build();
  }

  /** {@code count} realistic jobs of the sample market. */
  static List<Job> sampleJobs(int count) {
    return SampleMarket.generate(SampleMarketConfig.custom().seed(7).jobs(count).workers(0).build()).jobs();
  }

  /** {@code count} realistic workers of the sample market. */
  static List<Worker> sampleWorkers(int count) {
    return SampleMarket.generate(SampleMarketConfig.custom().seed(7).jobs(0).workers(count).build()).workers();
  }
}
