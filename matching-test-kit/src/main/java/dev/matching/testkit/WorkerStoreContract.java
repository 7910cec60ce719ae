package dev.matching.testkit;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.PayPreference;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import dev.matching.spi.WorkerStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The contract of {@link WorkerStore}: the whole {@link EntityStoreContract} run on realistic
 * workers (weekly and overnight availability with dated overrides, skills, hard and soft pay
 * preferences, unknown optional facts, edge values), so an adapter's serialization is checked
 * field by field through {@link Worker#equals}.
 *
 * <p>Extend it and implement {@link #newStore(Clock)}, as for {@link JobStoreContract}.
 */
public abstract class WorkerStoreContract extends EntityStoreContract<Worker> {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** An empty worker store stamping writes with {@code clock}; called before every test. */
  @Override
  protected abstract WorkerStore newStore(Clock clock);

  /** A worker in Tokyo with skills, weekday and overnight availability, overrides and a pay floor. */
  @Override
  protected Worker sample(String id) {
    Availability availability = new Availability(TOKYO,
        List.of(
            WeeklyWindow.of(DayOfWeek.MONDAY, "09:00", "17:00"),
            WeeklyWindow.of(DayOfWeek.WEDNESDAY, "09:00", "12:00"),
            WeeklyWindow.of(DayOfWeek.WEDNESDAY, "13:00", "18:30"),
            WeeklyWindow.of(DayOfWeek.FRIDAY, "22:00", "06:00")),
        List.of(
            DateOverride.unavailable(LocalDate.of(2026, 4, 29)),
            new DateOverride(LocalDate.of(2026, 5, 2), List.of(TimeRange.of("10:00", "14:00")))));
    return Worker.builder(id)
        .home(35.658034, 139.701636)
        .maxTravelKm(12.5)
        .skill("接客", 3)
        .skill("cash_register", 2)
        .skill("english", 4)
        .availability(availability)
        .desiredPay(PayPreference.hard(1_300))
        .desiredHoursPerWeek(20)
        .build();
  }

  /** The worker deactivated or reactivated, travelling 1 km further. */
  @Override
  protected Worker modified(Worker worker) {
    return worker.toBuilder()
        .active(!worker.active())
        .maxTravelKm(worker.maxTravelKm() < Worker.MAX_TRAVEL_KM ? worker.maxTravelKm() + 1 : 1)
        .build();
  }

  /** The worker with one more skill whose name holds {@code text}. */
  @Override
  protected Worker withText(Worker worker, String text) {
    return worker.toBuilder().skill("s" + text + "s", 1).build();
  }

  @Override
  protected String idOf(Worker worker) {
    return worker.id();
  }

  @Override
  protected List<Worker> shapes() {
    return List.of(
        sample("worker-full"),
        Worker.builder("worker-unknowns")
            .home(null)
            .availability(null)
            .desiredPay(null)
            .desiredHoursPerWeek(null)
            .active(false)
            .build(),
        Worker.builder("worker-edges")
            .home(0, 0)
            .maxTravelKm(Worker.MAX_TRAVEL_KM)
            .skills(Map.of("forklift", 5, "日本語", 1))
            .availability(new Availability(ZoneId.of("Europe/London"), List.of(),
                List.of(new DateOverride(LocalDate.of(2026, 3, 29), List.of(TimeRange.of("00:00", "00:00"))))))
            .desiredPay(PayPreference.soft(0))
            .desiredHoursPerWeek(168)
            .build(),
        Worker.builder("worker-fractional")
            .home(-33.868820, 151.209296)
            .maxTravelKm(0.001)
            .availability(Availability.weekly(ZoneId.of("Australia/Sydney"),
                List.of(WeeklyWindow.of(DayOfWeek.SUNDAY, "00:00", "00:00"))))
            .desiredPay(PayPreference.soft(1))
            .desiredHoursPerWeek(1)
            .build());
  }
}
