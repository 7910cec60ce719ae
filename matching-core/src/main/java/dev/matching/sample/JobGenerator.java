package dev.matching.sample;

import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds job {@code i} of a sample market from (seed, i) and the configuration's horizon and
 * {@link MarketShape} alone, so any job can be built on its own, in any order, on any thread.
 * Thread-safe.
 */
final class JobGenerator {

  private static final long STREAM = 0x4A4F4253L; // "JOBS"
  /** Whether a job lies around the metro centre, and where. */
  private static final long METRO_STREAM = 0x4D4A4F42L; // "MJOB"
  /** Whether a job is stripped of its requirements. */
  private static final long NO_REQUIREMENT_STREAM = 0x4E524551L; // "NREQ"
  /** Whether a job duplicates an earlier one, and which. */
  private static final long DUPLICATE_STREAM = 0x444A4F42L; // "DJOB"
  private static final int JOBS_PER_EMPLOYER = 20;
  private static final double CLOSED_SHARE = 0.03;
  private static final int MAX_SPOT_SHIFTS = 3;
  private static final double MEAN_PAY_NOISE_YEN = 60;
  private static final int MAX_PAY_NOISE_YEN = 300;
  private static final double LATE_NIGHT_PAY_FACTOR = 1.25;
  private static final double PAY_RANGE_SHARE = 0.25;
  private static final int PAY_RANGE_STEP_YEN = 50;
  private static final int MAX_PAY_RANGE_STEPS = 6;
  private static final double MEAN_EXTRA_HEADCOUNT = 1.5;
  private static final int MAX_HEADCOUNT = 10;
  private static final int MAX_PREFERRED = 4;
  private static final String REMOTE_LABEL = "在宅";

  private static final Weighted<JapanPlace> PLACES = JapanPlaces.BY_WEIGHT;
  private static final Weighted<JobCategory> CATEGORIES =
      new Weighted<>(List.of(JobCategory.values()), c -> c.weight);
  private static final Weighted<JobCategory> REMOTE_CATEGORIES = new Weighted<>(
      Arrays.stream(JobCategory.values()).filter(c -> c.remoteCapable).toList(), c -> c.weight);
  /** How often jobs work on which days of the week; mask 0 stands for one random day. */
  private static final Weighted<DayPattern> WEEKLY_DAYS = new Weighted<>(List.of(
      new DayPattern(Horizon.WEEKDAYS, 30),
      new DayPattern(0b0010101, 18), // Mon, Wed, Fri
      new DayPattern(0b0001010, 12), // Tue, Thu
      new DayPattern(0b0101010, 10), // Tue, Thu, Sat
      new DayPattern(0b0111111, 10), // Mon to Sat
      new DayPattern(Horizon.EVERY_DAY, 8),
      new DayPattern(0, 12)), DayPattern::weight);

  /** More than any job's minimum pay: every premium at its highest, at night. */
  private static final int PAY_CEILING_YEN = roundUpToTen(LATE_NIGHT_PAY_FACTOR
      * (Arrays.stream(Prefecture.values()).mapToInt(Prefecture::minimumWageYen).max().orElseThrow()
          + Arrays.stream(JobCategory.values()).mapToInt(c -> c.premiumYen).max().orElseThrow()
          + MAX_PAY_NOISE_YEN)) + 10;

  private final long seed;
  private final MarketShape shape;
  private final Horizon horizon;
  /** Keyed by place (or remote), category, slot and schedule; see {@link #title}. */
  private final SharedValues<String> titles = new SharedValues<>(
      (PLACES.size() + 1) * JobCategory.values().length * ShiftSlot.values().length * Schedule.values().length);
  /** Keyed by employer number. */
  private final SharedValues<String> employerIds;
  /** Keyed by minimum pay in tens of yen and number of range steps above it. */
  private final SharedValues<Pay> pays = new SharedValues<>(PAY_CEILING_YEN / 10 * (MAX_PAY_RANGE_STEPS + 1));

  JobGenerator(SampleMarketConfig config, Horizon horizon) {
    this.seed = config.seed();
    this.shape = config.shape();
    this.horizon = horizon;
    this.employerIds = new SharedValues<>(employerPoolSize(Math.max(0, config.jobs() - 1)) + 1);
  }

  /**
   * Job {@code index} (0-based); its id is {@code index + 1}. A duplicate (see
   * {@link MarketShape#duplicateJobShare()}) is the job it copies under its own id.
   */
  Job job(int index) {
    return generate(original(index), Ids.job(index));
  }

  /** The index of the job that job {@code index} is a copy of: itself unless it is a duplicate. */
  private int original(int index) {
    return Randoms.original(seed, DUPLICATE_STREAM, index, shape.duplicateJobShare());
  }

  /** Job {@code index} as drawn from its own random generator, under {@code id}. */
  private Job generate(int index, String id) {
    SplittableRandom r = Randoms.forEntity(seed, STREAM, index);
    int employer = 1 + r.nextInt(employerPoolSize(index));
    boolean remote = Randoms.chance(r, shape.remoteJobShare());
    int placeIndex = PLACES.pickIndex(r);
    JapanPlace place = PLACES.get(placeIndex);
    JobCategory category = (remote ? REMOTE_CATEGORIES : CATEGORIES).pick(r);
    @Nullable GeoPoint location = remote ? null : Randoms.scatter(place, 1, r);
    if (location != null && shape.metroJobShare() > 0) {
      SplittableRandom m = Randoms.forEntity(seed, METRO_STREAM, index);
      if (Randoms.chance(m, shape.metroJobShare())) {
        location = Randoms.scatter(shape.metroCenter(), shape.metroSpreadKm(), m);
        placeIndex = JapanPlaces.nearestIndex(location);
        place = PLACES.get(placeIndex);
      }
    }
    ShiftSlot slot = category.slots.get(r.nextInt(category.slots.size()));
    Schedule schedule = schedule(r, shape);
    List<Shift> shifts = shifts(schedule, slot, r);

    double basePay = place.prefecture().minimumWageYen() + category.premiumYen
        + Math.min(MAX_PAY_NOISE_YEN, Randoms.exponential(r, MEAN_PAY_NOISE_YEN));
    if (schedule != Schedule.UNKNOWN && slot.lateNight()) {
      basePay *= LATE_NIGHT_PAY_FACTOR;
    }
    int minYen = roundUpToTen(basePay);
    int rangeSteps = Randoms.chance(r, PAY_RANGE_SHARE) ? 1 + r.nextInt(MAX_PAY_RANGE_STEPS) : 0;
    Pay pay = pays.get(minYen / 10 * (MAX_PAY_RANGE_STEPS + 1) + rangeSteps,
        key -> Pay.range(minYen, minYen + PAY_RANGE_STEP_YEN * rangeSteps));
    int headcount = 1 + (int) Math.min(MAX_HEADCOUNT - 1, Randoms.exponential(r, MEAN_EXTRA_HEADCOUNT));
    boolean open = !Randoms.chance(r, CLOSED_SHARE);

    List<RequiredSkill> required = requiredSkills(category, r);
    if (shape.noRequirementShare() > 0
        && Randoms.chance(Randoms.forEntity(seed, NO_REQUIREMENT_STREAM, index), shape.noRequirementShare())) {
      required = List.of();
    }

    return Job.builder(id)
        .employerId(employerIds.get(employer, Ids::employer))
        .title(title(remote ? -1 : placeIndex, category, slot, schedule))
        .location(location)
        .requiredSkills(required)
        .preferredSkills(preferredSkills(category, r))
        .shifts(shifts)
        .pay(pay)
        .headcount(headcount)
        .open(open)
        .build();
  }

  private static Schedule schedule(SplittableRandom r, MarketShape shape) {
    double u = r.nextDouble();
    if (u < shape.unscheduledJobShare()) {
      return Schedule.UNKNOWN;
    }
    if (u < shape.unscheduledJobShare() + shape.spotJobShare()) {
      return Schedule.SPOT;
    }
    if (u < shape.unscheduledJobShare() + shape.spotJobShare() + shape.weekendsOnlyJobShare()) {
      return Schedule.WEEKENDS_ONLY;
    }
    return Schedule.WEEKLY;
  }

  /**
   * The job's shifts. With a horizon shorter than a week, a weekly or weekend job may have none
   * (its days do not occur in the horizon).
   */
  private List<Shift> shifts(Schedule schedule, ShiftSlot slot, SplittableRandom r) {
    return switch (schedule) {
      case UNKNOWN -> List.of();
      case SPOT -> {
        int count = Math.min(horizon.days(), 1 + r.nextInt(MAX_SPOT_SHIFTS));
        yield horizon.on(slot, Randoms.distinct(r, count, horizon.days()));
      }
      case WEEKENDS_ONLY -> horizon.weekly(slot, Horizon.WEEKENDS);
      case WEEKLY -> horizon.weekly(slot, weeklyDays(r));
    };
  }

  private static int weeklyDays(SplittableRandom r) {
    int days = WEEKLY_DAYS.pick(r).mask();
    return days != 0 ? days : 1 << r.nextInt(7);
  }

  private static List<RequiredSkill> requiredSkills(JobCategory category, SplittableRandom r) {
    List<RequiredSkill> required = new ArrayList<>(category.requirements.size());
    for (Requirement requirement : category.requirements) {
      if (Randoms.chance(r, requirement.probability())) {
        required.add(requirement.skill());
      }
    }
    return required;
  }

  /** A random non-empty subset of the category's preferred skills, in the category's order. */
  private static List<PreferredSkill> preferredSkills(JobCategory category, SplittableRandom r) {
    List<PreferredSkill> all = category.preferred;
    int wanted = 1 + r.nextInt(Math.min(MAX_PREFERRED, all.size()));
    List<PreferredSkill> picked = new ArrayList<>(wanted);
    for (int i = 0; i < all.size() && picked.size() < wanted; i++) {
      // Selection sampling: every subset of size `wanted` is equally likely.
      if (r.nextInt(all.size() - i) < wanted - picked.size()) {
        picked.add(all.get(i));
      }
    }
    return picked;
  }

  /**
   * How many employers job {@code index} may come from: one more every 20 jobs, so the earliest
   * employers post the most jobs and the pool does not depend on the market size.
   */
  private static int employerPoolSize(int index) {
    return index / JOBS_PER_EMPLOYER + 1;
  }

  /** The title, for example {@code 【新宿】コンビニスタッフ（夜勤）}; place -1 stands for remote. */
  private String title(int placeIndex, JobCategory category, ShiftSlot slot, Schedule schedule) {
    int place = placeIndex < 0 ? PLACES.size() : placeIndex;
    int key = ((place * JobCategory.values().length + category.ordinal()) * ShiftSlot.values().length
        + slot.ordinal()) * Schedule.values().length + schedule.ordinal();
    return titles.get(key, k -> "【" + (placeIndex < 0 ? REMOTE_LABEL : PLACES.get(placeIndex).name()) + "】"
        + category.title + hours(slot, schedule));
  }

  private static String hours(ShiftSlot slot, Schedule schedule) {
    return switch (schedule) {
      case UNKNOWN -> "（シフト応相談）";
      case SPOT -> "（" + slot.label + "・単発）";
      case WEEKENDS_ONLY -> "（" + slot.label + "・土日のみ）";
      case WEEKLY -> "（" + slot.label + "）";
    };
  }

  private static int roundUpToTen(double yen) {
    return (int) Math.ceil(yen / 10) * 10;
  }

  /** A set of days of the week (a {@link Horizon} mask) and how often jobs use it. */
  private record DayPattern(int mask, double weight) {}

  /** How a job's shifts are laid out over the horizon. */
  private enum Schedule {
    /** No shifts: the schedule is to be agreed. */
    UNKNOWN,
    /** One to three dates. */
    SPOT,
    /** Every Saturday and Sunday. */
    WEEKENDS_ONLY,
    /** A weekly pattern of days. */
    WEEKLY
  }
}
