package dev.matching.testing;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.PayPreference;
import dev.matching.model.Shift;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random markets for property tests: jobs and workers packed in a small area with few
 * skills, so that every factor and every hard constraint matters, plus edge cases (remote
 * jobs, missing homes and availabilities, closed jobs, overnight shifts, DST zones).
 */
public final class RandomMarket {
  private static final String[] SKILLS = {"接客", "レジ", "調理", "倉庫", "配達", "清掃"};
  private static final ZoneId[] ZONES = {
      ZoneId.of("Asia/Tokyo"), ZoneId.of("America/Los_Angeles"), ZoneId.of("Europe/Berlin")};
  /** First day of the shift horizon; spans the US DST end on 2026-11-01. */
  public static final LocalDate START = LocalDate.of(2026, 10, 26);

  private RandomMarket() {}

  public static List<Job> jobs(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(job(r, "job-" + String.format("%05d", i)));
    }
    return jobs;
  }

  public static List<Worker> workers(long seed, int count) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      workers.add(worker(r, "worker-" + String.format("%05d", i)));
    }
    return workers;
  }

  public static Job job(SplittableRandom r, String id) {
    Job.Builder b = Job.builder(id).employerId("emp-" + r.nextInt(4));
    if (r.nextInt(10) > 0) {
      b.location(35.60 + r.nextDouble() * 0.25, 139.55 + r.nextDouble() * 0.35);
    }
    int skills = r.nextInt(SKILLS.length);
    int start = r.nextInt(SKILLS.length);
    for (int k = 0; k < skills; k++) {
      String s = SKILLS[(start + k) % SKILLS.length];
      int choice = r.nextInt(4);
      if (choice == 0) {
        b.require(s, 1 + r.nextInt(3));
      } else if (choice <= 2) {
        b.prefer(s, 1 + r.nextInt(5), 0.5 + r.nextInt(6) * 0.5);
      }
    }
    ZoneId zone = r.nextInt(5) == 0 ? ZONES[r.nextInt(ZONES.length)] : ZONES[0];
    int shifts = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(5);
    int hour = r.nextInt(24);
    int length = 2 + r.nextInt(9);
    for (int k = 0; k < shifts; k++) {
      LocalDate d = START.plusDays(r.nextInt(14));
      LocalTime s = LocalTime.of(r.nextInt(3) == 0 ? r.nextInt(24) : hour, r.nextInt(4) * 15);
      b.shift(Shift.of(d, s, s.plusHours(length), zone));
    }
    int pay = 950 + r.nextInt(60) * 10;
    b.pay(r.nextInt(4) == 0 ? Pay.range(pay, pay + 200) : Pay.hourly(pay));
    b.headcount(1 + r.nextInt(3));
    b.open(r.nextInt(12) > 0);
    return b.build();
  }

  public static Worker worker(SplittableRandom r, String id) {
    Worker.Builder b = Worker.builder(id);
    if (r.nextInt(12) > 0) {
      b.home(35.60 + r.nextDouble() * 0.25, 139.55 + r.nextDouble() * 0.35);
    }
    b.maxTravelKm(1 + r.nextInt(30));
    for (String s : SKILLS) {
      if (r.nextInt(2) == 0) {
        b.skill(s, 1 + r.nextInt(5));
      }
    }
    if (r.nextInt(12) > 0) {
      ZoneId zone = r.nextInt(4) == 0 ? ZONES[r.nextInt(ZONES.length)] : ZONES[0];
      List<WeeklyWindow> windows = new ArrayList<>();
      int n = r.nextInt(6);
      for (int k = 0; k < n; k++) {
        LocalTime s = LocalTime.of(r.nextInt(24), r.nextInt(2) * 30);
        windows.add(new WeeklyWindow(DayOfWeek.of(1 + r.nextInt(7)),
            new TimeRange(s, s.plusHours(2 + r.nextInt(12)))));
      }
      Availability a = Availability.weekly(zone, windows);
      if (r.nextInt(4) == 0) {
        a = a.withOverride(DateOverride.unavailable(START.plusDays(r.nextInt(7))));
      }
      if (r.nextInt(6) == 0) {
        a = a.withOverride(new DateOverride(START.plusDays(7 + r.nextInt(7)),
            List.of(TimeRange.of("08:00", "20:00"))));
      }
      b.availability(a);
    }
    int choice = r.nextInt(5);
    if (choice == 1) {
      b.desiredPay(PayPreference.hard(1000 + r.nextInt(30) * 10));
    } else if (choice >= 2) {
      b.desiredPay(PayPreference.soft(1000 + r.nextInt(40) * 10));
    }
    b.active(r.nextInt(20) > 0);
    return b.build();
  }
}
