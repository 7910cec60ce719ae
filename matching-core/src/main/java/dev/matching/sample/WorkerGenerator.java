package dev.matching.sample;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.GeoPoint;
import dev.matching.model.PayPreference;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Builds worker {@code i} of a sample market from (seed, i) and the configuration's horizon and
 * {@link MarketShape} alone, so any worker can be built on its own, in any order, on any
 * thread. Thread-safe.
 */
final class WorkerGenerator {

  private static final long STREAM = 0x574F524BL; // "WORK"
  /** Whether a worker's home lies around the metro centre, and where. */
  private static final long METRO_STREAM = 0x4D574F52L; // "MWOR"
  /** Whether a worker duplicates an earlier one, and which. */
  private static final long DUPLICATE_STREAM = 0x44574F52L; // "DWOR"
  /** Homes spread wider than jobs: people live in the suburbs and commute. */
  private static final double HOME_SPREAD_FACTOR = MarketShape.HOME_SPREAD_FACTOR;
  private static final double SECOND_USUAL_WORK_CHANCE = 0.4;
  private static final double USUAL_WORK_FROM_PERSONA_CHANCE = 0.6;
  private static final double MEETS_REQUIREMENT_CHANCE = 0.75;
  private static final int MAX_SKILLS = 6;
  private static final double ENGLISH_CHANCE = 0.15;
  private static final double CHINESE_CHANCE = 0.04;
  private static final double KOREAN_CHANCE = 0.02;
  /** Cumulative chances of skill levels 1 to 4; the rest is level 5. */
  private static final double[] LEVEL_CUMULATIVE = {0.30, 0.60, 0.82, 0.94};
  private static final double NO_AVAILABILITY_SHARE = 0.02;
  private static final double DAYS_OFF_CHANCE = 0.3;
  private static final int MAX_DAYS_OFF = 2;
  private static final double NO_DESIRED_PAY_SHARE = 0.10;
  private static final double HARD_PAY_FLOOR_SHARE = 0.20;
  private static final int MAX_PAY_ABOVE_MINIMUM_YEN = 300;
  private static final double DESIRED_HOURS_SHARE = 0.4;
  private static final double INACTIVE_SHARE = 0.03;

  private static final Weighted<WorkerPersona> PERSONAS =
      new Weighted<>(List.of(WorkerPersona.values()), p -> p.weight);
  private static final Weighted<JobCategory> CATEGORIES =
      new Weighted<>(List.of(JobCategory.values()), c -> c.weight);

  private final long seed;
  private final MarketShape shape;
  private final Horizon horizon;

  WorkerGenerator(SampleMarketConfig config, Horizon horizon) {
    this.seed = config.seed();
    this.shape = config.shape();
    this.horizon = horizon;
  }

  /**
   * Worker {@code index} (0-based); its id is {@code index + 1}. A duplicate (see
   * {@link MarketShape#duplicateWorkerShare()}) is the worker it copies under its own id.
   */
  Worker worker(int index) {
    return generate(original(index), Ids.worker(index));
  }

  /** The index of the worker that worker {@code index} is a copy of: itself unless it is a duplicate. */
  private int original(int index) {
    return Randoms.original(seed, DUPLICATE_STREAM, index, shape.duplicateWorkerShare());
  }

  /** Worker {@code index} as drawn from its own random generator, under {@code id}. */
  private Worker generate(int index, String id) {
    SplittableRandom r = Randoms.forEntity(seed, STREAM, index);
    WorkerPersona persona = PERSONAS.pick(r);
    JapanPlace place = JapanPlaces.BY_WEIGHT.pick(r);
    GeoPoint home = Randoms.scatter(place, HOME_SPREAD_FACTOR, r);
    if (shape.metroHomeShare() > 0) {
      SplittableRandom m = Randoms.forEntity(seed, METRO_STREAM, index);
      if (Randoms.chance(m, shape.metroHomeShare())) {
        home = Randoms.scatter(shape.metroCenter(), shape.metroSpreadKm() * HOME_SPREAD_FACTOR, m);
        place = JapanPlaces.all().get(JapanPlaces.nearestIndex(home));
      }
    }
    double travelKm = Math.rint(shape.medianTravelKm()
        * StrictMath.exp(shape.travelKmLogSigma() * Randoms.gaussian(r)));

    return Worker.builder(id)
        .home(Randoms.chance(r, shape.noHomeShare()) ? null : home)
        .maxTravelKm(Math.max(shape.minTravelKm(), Math.min(shape.maxTravelKm(), travelKm)))
        .skills(skills(persona, r))
        .availability(Randoms.chance(r, NO_AVAILABILITY_SHARE) ? null : availability(persona, r))
        .desiredPay(desiredPay(place.prefecture(), r))
        .desiredHoursPerWeek(Randoms.chance(r, DESIRED_HOURS_SHARE)
            ? persona.minHoursPerWeek + r.nextInt(persona.maxHoursPerWeek - persona.minHoursPerWeek + 1)
            : null)
        .active(!Randoms.chance(r, INACTIVE_SHARE))
        .build();
  }

  /**
   * One to six skills from one or two kinds of work the worker has done: mostly enough for
   * those jobs' requirements, then some of their other skills, sometimes a language.
   */
  private static Map<String, Integer> skills(WorkerPersona persona, SplittableRandom r) {
    int wanted = 1 + r.nextInt(3) + r.nextInt(4);
    List<JobCategory> usualWork = new ArrayList<>(2);
    usualWork.add(usualWork(persona, r));
    if (Randoms.chance(r, SECOND_USUAL_WORK_CHANCE)) {
      usualWork.add(usualWork(persona, r));
    }
    Map<String, Integer> skills = new LinkedHashMap<>();
    List<String> pool = new ArrayList<>();
    for (JobCategory category : usualWork) {
      for (Requirement requirement : category.requirements) {
        if (skills.size() < wanted && Randoms.chance(r, MEETS_REQUIREMENT_CHANCE)) {
          int level = Math.min(5, requirement.skill().minLevel() + r.nextInt(3));
          skills.merge(requirement.skill().skill(), level, Math::max);
        }
      }
      pool.addAll(category.skillCodes);
    }
    for (int tries = 0; skills.size() < wanted && tries < 2 * MAX_SKILLS; tries++) {
      skills.putIfAbsent(pool.get(r.nextInt(pool.size())), level(r));
    }
    addLanguage(skills, Skills.ENGLISH, ENGLISH_CHANCE, r);
    addLanguage(skills, Skills.CHINESE, CHINESE_CHANCE, r);
    addLanguage(skills, Skills.KOREAN, KOREAN_CHANCE, r);
    return skills;
  }

  private static void addLanguage(Map<String, Integer> skills, String language, double chance, SplittableRandom r) {
    if (Randoms.chance(r, chance) && skills.size() < MAX_SKILLS) {
      skills.putIfAbsent(language, level(r));
    }
  }

  private static JobCategory usualWork(WorkerPersona persona, SplittableRandom r) {
    return Randoms.chance(r, USUAL_WORK_FROM_PERSONA_CHANCE)
        ? persona.usualWork.get(r.nextInt(persona.usualWork.size()))
        : CATEGORIES.pick(r);
  }

  private static int level(SplittableRandom r) {
    double u = r.nextDouble();
    int level = 1;
    while (level <= LEVEL_CUMULATIVE.length && u >= LEVEL_CUMULATIVE[level - 1]) {
      level++;
    }
    return level;
  }

  /** The persona's weekly hours, plus a day or two off within the horizon for some workers. */
  private Availability availability(WorkerPersona persona, SplittableRandom r) {
    List<WeeklyWindow> weekly = new ArrayList<>();
    int days = Randoms.days(r, persona.mainDays,
        persona.minMainDays + r.nextInt(persona.maxMainDays - persona.minMainDays + 1));
    TimeRange hours = persona.mainHours.get(r.nextInt(persona.mainHours.size()));
    for (DayOfWeek day : DayOfWeek.values()) {
      if ((days & (1 << day.ordinal())) != 0) {
        weekly.add(new WeeklyWindow(day, hours));
      }
    }
    if (persona.weekendChance > 0) {
      TimeRange weekendHours = persona.weekendHours.get(r.nextInt(persona.weekendHours.size()));
      for (DayOfWeek day : List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)) {
        if (Randoms.chance(r, persona.weekendChance)) {
          weekly.add(new WeeklyWindow(day, weekendHours));
        }
      }
    }
    List<DateOverride> overrides = new ArrayList<>(MAX_DAYS_OFF);
    if (Randoms.chance(r, DAYS_OFF_CHANCE)) {
      int count = Math.min(horizon.days(), 1 + r.nextInt(MAX_DAYS_OFF));
      for (int day : Randoms.distinct(r, count, horizon.days())) {
        overrides.add(DateOverride.unavailable(horizon.date(day)));
      }
    }
    return new Availability(SampleMarket.ZONE, weekly, overrides);
  }

  /** Around the local minimum wage: none, or the minimum plus 0 to 300 yen, sometimes a hard floor. */
  private static @Nullable PayPreference desiredPay(Prefecture prefecture, SplittableRandom r) {
    if (Randoms.chance(r, NO_DESIRED_PAY_SHARE)) {
      return null;
    }
    int yen = prefecture.minimumWageYen() + r.nextInt(MAX_PAY_ABOVE_MINIMUM_YEN + 1);
    return new PayPreference((yen + 9) / 10 * 10, Randoms.chance(r, HARD_PAY_FLOOR_SHARE));
  }
}
