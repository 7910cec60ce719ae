package dev.matching.testkit;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.Shift;
import dev.matching.spi.JobStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The contract of {@link JobStore}: the whole {@link EntityStoreContract} run on realistic jobs
 * (shifts across midnight and daylight-saving changes, required and preferred skills, remote and
 * closed jobs, edge values), so an adapter's serialization is checked field by field through
 * {@link Job#equals}.
 *
 * <p>Extend it and implement {@link #newStore(Clock)}:
 *
 * <pre>{@code
 * class PostgresJobStoreTest extends JobStoreContract {
 *   @Override
 *   protected JobStore newStore(Clock clock) {
 *     truncateTables();
 *     return new PostgresJobStore(jdbi, clock);
 *   }
 * }
 * }</pre>
 */
public abstract class JobStoreContract extends EntityStoreContract<Job> {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final LocalDate MONDAY = LocalDate.of(2026, 4, 6);

  /** An empty job store stamping writes with {@code clock}; called before every test. */
  @Override
  protected abstract JobStore newStore(Clock clock);

  /** A located job in Tokyo with skills, a day and an overnight shift, and a pay range. */
  @Override
  protected Job sample(String id) {
    return Job.builder(id)
        .employerId("emp-" + Math.floorMod(id.hashCode(), 97))
        .title("ホールスタッフ " + id)
        .location(35.681236, 139.767125)
        .require("接客", 2)
        .require("cash_register", 1)
        .prefer("english", 3, 2.5)
        .prefer("food_hygiene", 1, 0.75)
        .shift(Shift.of(MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 30), TOKYO))
        .shift(Shift.of(MONDAY.plusDays(2), LocalTime.of(22, 0), LocalTime.of(6, 0), TOKYO))
        .pay(Pay.range(1_200, 1_450))
        .headcount(3)
        .build();
  }

  /** The job closed or reopened, paying 10 yen more. */
  @Override
  protected Job modified(Job job) {
    return job.toBuilder()
        .open(!job.open())
        .pay(Pay.range(job.pay().minYen() + 10, job.pay().maxYen() + 10))
        .build();
  }

  /** The job titled {@code text}. */
  @Override
  protected Job withText(Job job, String text) {
    return job.toBuilder().title(text).build();
  }

  @Override
  protected String idOf(Job job) {
    return job.id();
  }

  @Override
  protected List<Job> shapes() {
    return List.of(
        sample("job-full"),
        Job.builder("job-remote-minimal")
            .employerId("emp-remote")
            .remote()
            .hourlyPay(0)
            .open(false)
            .build(),
        Job.builder("job-edges")
            .employerId("emp-edges")
            .title("Night \"shift\" — 夜勤, 100% \\ tab-free")
            .location(GeoPoint.of(-90, 180))
            .require("forklift", 5)
            .prefer("japanese", 1, 0.1)
            .prefer("driving", 5, 100)
            .shift(Shift.of(LocalDateTime.of(2026, 3, 8, 1, 30), LocalDateTime.of(2026, 3, 8, 3, 30),
                ZoneId.of("America/New_York")))
            .shift(new Shift(Shift.EARLIEST, Shift.EARLIEST.plus(Shift.MAX_LENGTH), ZoneId.of("UTC")))
            .shift(Shift.of(MONDAY, LocalTime.of(23, 59, 59), LocalTime.of(0, 0, 1), ZoneId.of("+09:00")))
            .pay(Pay.range(999_999, Pay.MAX_HOURLY_YEN))
            .headcount(Job.MAX_HEADCOUNT)
            .build(),
        Job.builder("job-west")
            .employerId("emp-west")
            .location(GeoPoint.of(34.702485, 135.495951))
            .requiredSkills(List.of())
            .shift(Shift.of(MONDAY, LocalTime.of(0, 0), LocalTime.of(0, 0), TOKYO))
            .pay(Pay.hourly(1_100))
            .build());
  }
}
