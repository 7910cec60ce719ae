package dev.matching.spring.web;

import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.PayPreference;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import dev.matching.spi.Versioned;
import dev.matching.spring.web.ResourceJson.AvailabilityJson;
import dev.matching.spring.web.ResourceJson.DateOverrideJson;
import dev.matching.spring.web.ResourceJson.DesiredPayJson;
import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.LocationJson;
import dev.matching.spring.web.ResourceJson.PayJson;
import dev.matching.spring.web.ResourceJson.PreferredSkillJson;
import dev.matching.spring.web.ResourceJson.RequiredSkillJson;
import dev.matching.spring.web.ResourceJson.ShiftJson;
import dev.matching.spring.web.ResourceJson.TimeRangeJson;
import dev.matching.spring.web.ResourceJson.WeeklyWindowJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Converts the API's JSON shapes to validated domain values, reporting every bad field at once,
 * and domain values back to JSON. Stateless and thread-safe.
 */
public final class DomainMapper {
  /** Stands in for a required value that failed (and was reported) while the other rules run. */
  private static final String STAND_IN = "stand-in";

  // The JSON name of each field the domain's messages name ("field: problem"), relative to the
  // JSON path of the value being built; [] stands for a bracketed value, {} repeats it.
  static final Map<String, String> JOB_FIELDS = Map.of("id", "id", "employerId", "employer_id", "title", "title",
      "requiredSkills", "required_skills", "preferredSkills", "preferred_skills", "shifts", "shifts", "pay", "pay",
      "headcount", "headcount");
  static final Map<String, String> WORKER_FIELDS = Map.of("id", "id", "maxTravelKm", "max_travel_km",
      "skills", "skills", "skills[]", "skills.{}", "desiredHoursPerWeek", "desired_hours_per_week");
  static final Map<String, String> POINT_FIELDS = Map.of("latitude", "lat", "longitude", "lng");
  static final Map<String, String> REQUIRED_SKILL_FIELDS = Map.of("requiredSkills.skill", "skill",
      "requiredSkills[].minLevel", "min_level");
  static final Map<String, String> PREFERRED_SKILL_FIELDS = Map.of("preferredSkills.skill", "skill",
      "preferredSkills[].level", "level", "preferredSkills[].weight", "weight");
  static final Map<String, String> PAY_FIELDS = Map.of("pay.minYen", "min", "pay.maxYen", "max");
  static final Map<String, String> DESIRED_PAY_FIELDS = Map.of("desiredPay.minHourlyYen", "min_hourly");
  static final Map<String, String> SHIFT_FIELDS = Map.of("shift.start", "start", "shift.end", "end",
      "shift.zone", "zone");
  static final Map<String, String> TIME_RANGE_FIELDS = Map.of("window.start", "start", "window.end", "end");
  static final Map<String, String> OVERRIDE_FIELDS = Map.of("availability.overrides.date", "date",
      "availability.overrides[].windows", "windows");
  static final Map<String, String> AVAILABILITY_FIELDS = Map.of("availability.zone", "zone",
      "availability.weekly", "weekly", "availability.overrides", "overrides");


  /**
   * The job {@code json} describes, with id {@code id} (the path's; a body id must agree).
   *
   * @throws InvalidRequestException listing every invalid field
   */
  public Job toJob(String id, JobJson json) {
    return toJob(id, JsonBody.of(json));
  }

  /**
   * The job {@code body} describes, with id {@code id}: the fields that did not bind and every
   * domain rule the rest break, reported together.
   *
   * @throws InvalidRequestException listing every invalid field
   */
  public Job toJob(String id, JsonBody<JobJson> body) {
    FieldErrors errors = new FieldErrors(body.errors());
    JobJson json = body.value();
    if (json == null) {
      errors.throwIfAny();
      throw InvalidRequestException.of("body", "must be a JSON object");
    }
    checkId(id, json.id(), errors);
    Job.Builder b = Job.builder(id);
    String employer = errors.required("employer_id", json.employerId());
    b.title(json.title());
    if (json.location() != null) {
      b.location(point("location", json.location(), errors));
    }
    List<RequiredSkill> required = new ArrayList<>();
    each(json.requiredSkills(), "required_skills", errors, (path, s) -> {
      String skill = errors.required(path + ".skill", s.skill());
      Integer level = errors.required(path + ".min_level", s.minLevel());
      if (skill != null && level != null) {
        required.add(errors.attempt(path, REQUIRED_SKILL_FIELDS, () -> RequiredSkill.of(skill, level)));
      }
    });
    List<PreferredSkill> preferred = new ArrayList<>();
    each(json.preferredSkills(), "preferred_skills", errors, (path, s) -> {
      String skill = errors.required(path + ".skill", s.skill());
      Integer level = errors.required(path + ".level", s.level());
      if (skill != null && level != null) {
        preferred.add(errors.attempt(path, PREFERRED_SKILL_FIELDS, () -> PreferredSkill.of(skill, level, s.weight() == null ? 1.0 : s.weight())));
      }
    });
    List<Shift> shifts = new ArrayList<>();
    each(json.shifts(), "shifts", errors, (path, s) -> shifts.add(shift(path, s, errors)));
    PayJson pay = errors.required("pay", json.pay());
    Pay hourly = null;
    if (pay != null) {
      Integer min = errors.required("pay.min", pay.min());
      if (min != null) {
        hourly = errors.attempt("pay", PAY_FIELDS, () -> Pay.range(min, pay.max() == null ? min : pay.max()));
      }
    }
    if (json.headcount() != null) {
      b.headcount(json.headcount());
    }
    if (json.open() != null) {
      b.open(json.open());
    }
    // The whole-job rules run even when fields failed, so they are reported too: stand-ins take
    // the place of what failed (already reported), and the job is discarded then.
    b.employerId(employer == null ? STAND_IN : employer);
    b.pay(hourly == null ? Pay.hourly(0) : hourly);
    required.removeIf(Objects::isNull);
    preferred.removeIf(Objects::isNull);
    shifts.removeIf(Objects::isNull);
    b.requiredSkills(required).preferredSkills(preferred).shifts(shifts);
    Job job = errors.attempt("", JOB_FIELDS, b::build);
    errors.throwIfAny();
    return Objects.requireNonNull(job);
  }

  /**
   * The worker {@code json} describes, with id {@code id}.
   *
   * @throws InvalidRequestException listing every invalid field
   */
  public Worker toWorker(String id, WorkerJson json) {
    return toWorker(id, JsonBody.of(json));
  }

  /**
   * The worker {@code body} describes, with id {@code id}: the fields that did not bind and every
   * domain rule the rest break, reported together.
   *
   * @throws InvalidRequestException listing every invalid field
   */
  public Worker toWorker(String id, JsonBody<WorkerJson> body) {
    FieldErrors errors = new FieldErrors(body.errors());
    WorkerJson json = body.value();
    if (json == null) {
      errors.throwIfAny();
      throw InvalidRequestException.of("body", "must be a JSON object");
    }
    checkId(id, json.id(), errors);
    Worker.Builder b = Worker.builder(id);
    if (json.home() != null) {
      b.home(point("home", json.home(), errors));
    }
    if (json.maxTravelKm() != null) {
      b.maxTravelKm(json.maxTravelKm());
    }
    if (json.skills() != null) {
      for (Map.Entry<String, Integer> e : json.skills().entrySet()) {
        if (e.getValue() == null) {
          errors.add("skills." + e.getKey(), "is required");
        }
      }
      Map<String, Integer> skills = new java.util.LinkedHashMap<>(json.skills());
      skills.values().removeIf(Objects::isNull);
      b.skills(skills);
    }
    if (json.availability() != null) {
      b.availability(availability(json.availability(), errors));
    }
    DesiredPayJson pay = json.desiredPay();
    if (pay != null) {
      Integer min = errors.required("desired_pay.min_hourly", pay.minHourly());
      if (min != null) {
        b.desiredPay(errors.attempt("desired_pay", DESIRED_PAY_FIELDS, () -> new PayPreference(min, Boolean.TRUE.equals(pay.hard()))));
      }
    }
    b.desiredHoursPerWeek(json.desiredHoursPerWeek());
    if (json.active() != null) {
      b.active(json.active());
    }
    Worker worker = errors.attempt("", WORKER_FIELDS, b::build);
    errors.throwIfAny();
    return Objects.requireNonNull(worker);
  }

  /** The JSON of a stored job. */
  public JobJson toJson(Job job, @Nullable Long version) {
    return new JobJson(job.id(), job.employerId(), job.title(),
        job.location() == null ? null : new LocationJson(job.location().latitude(), job.location().longitude()),
        job.requiredSkills().stream().map(s -> new RequiredSkillJson(s.skill(), s.minLevel())).toList(),
        job.preferredSkills().stream().map(s -> new PreferredSkillJson(s.skill(), s.level(), s.weight())).toList(),
        job.shifts().stream().map(s -> new ShiftJson(
            s.start().atZone(s.zone()).toLocalDateTime(), s.end().atZone(s.zone()).toLocalDateTime(), s.zone().getId()))
            .toList(),
        new PayJson(job.pay().minYen(), job.pay().maxYen()), job.headcount(), job.open(), version);
  }

  /** The JSON of a stored job with its version. */
  public JobJson toJobJson(Versioned<Job> stored) {
    return toJson(stored.value(), stored.version());
  }

  /** The JSON of a stored worker. */
  public WorkerJson toJson(Worker worker, @Nullable Long version) {
    Availability a = worker.availability();
    AvailabilityJson availability = a == null ? null : new AvailabilityJson(a.zone().getId(),
        a.weekly().stream().map(w -> new WeeklyWindowJson(w.day(), w.time().start(), w.time().end())).toList(),
        a.overrides().stream().map(o -> new DateOverrideJson(o.date(),
            o.windows().stream().map(t -> new TimeRangeJson(t.start(), t.end())).toList())).toList());
    PayPreference p = worker.desiredPay();
    return new WorkerJson(worker.id(),
        worker.home() == null ? null : new LocationJson(worker.home().latitude(), worker.home().longitude()),
        worker.maxTravelKm(), worker.skills(), availability,
        p == null ? null : new DesiredPayJson(p.minHourlyYen(), p.hard()),
        worker.desiredHoursPerWeek(), worker.active(), version);
  }

  /** The JSON of a stored worker with its version. */
  public WorkerJson toWorkerJson(Versioned<Worker> stored) {
    return toJson(stored.value(), stored.version());
  }

  private static void checkId(String id, @Nullable String bodyId, FieldErrors errors) {
    if (bodyId != null && !bodyId.equals(id)) {
      errors.add("id", "must match the id in the path (\"" + id + "\"), was \"" + bodyId + "\"");
    }
  }

  private static @Nullable GeoPoint point(String path, LocationJson json, FieldErrors errors) {
    Double lat = errors.required(path + ".lat", json.lat());
    Double lng = errors.required(path + ".lng", json.lng());
    if (lat == null || lng == null) {
      return null;
    }
    return errors.attempt(path, POINT_FIELDS, () -> GeoPoint.of(lat, lng));
  }

  private static @Nullable Shift shift(String path, ShiftJson json, FieldErrors errors) {
    ZoneId zone = zone(path + ".zone", json.zone(), errors);
    if (errors.required(path + ".start", json.start()) == null
        || errors.required(path + ".end", json.end()) == null || zone == null) {
      return null;
    }
    return errors.attempt(path, SHIFT_FIELDS, () -> Shift.of(json.start(), json.end(), zone));
  }

  private static @Nullable Availability availability(AvailabilityJson json, FieldErrors errors) {
    ZoneId zone = zone("availability.zone", json.zone(), errors);
    List<WeeklyWindow> weekly = new ArrayList<>();
    each(json.weekly(), "availability.weekly", errors, (path, w) -> {
      if (errors.required(path + ".day", w.day()) != null) {
        TimeRange range = range(path, w.start(), w.end(), errors);
        if (range != null) {
          weekly.add(new WeeklyWindow(w.day(), range));
        }
      }
    });
    List<DateOverride> overrides = new ArrayList<>();
    each(json.overrides(), "availability.overrides", errors, (path, o) -> {
      List<TimeRange> windows = new ArrayList<>();
      each(o.windows(), path + ".windows", errors, (p, t) -> windows.add(range(p, t.start(), t.end(), errors)));
      if (errors.required(path + ".date", o.date()) != null && !windows.contains(null)) {
        overrides.add(errors.attempt(path, OVERRIDE_FIELDS, () -> new DateOverride(o.date(), windows)));
      }
    });
    if (zone == null || weekly.contains(null) || overrides.contains(null)) {
      return null;
    }
    return errors.attempt("availability", AVAILABILITY_FIELDS, () -> new Availability(zone, weekly, overrides));
  }

  private static @Nullable TimeRange range(String path, java.time.@Nullable LocalTime start,
      java.time.@Nullable LocalTime end, FieldErrors errors) {
    if (errors.required(path + ".start", start) == null || errors.required(path + ".end", end) == null) {
      return null;
    }
    return errors.attempt(path, TIME_RANGE_FIELDS, () -> new TimeRange(start, end));
  }

  private static @Nullable ZoneId zone(String path, @Nullable String zone, FieldErrors errors) {
    if (errors.required(path, zone) == null) {
      return null;
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      errors.add(path, "must be an IANA time zone id such as Asia/Tokyo, was \"" + zone + "\"");
      return null;
    }
  }

  private interface ElementMapper<T> {
    void map(String path, T element);
  }

  private static <T> void each(@Nullable List<T> list, String path, FieldErrors errors, ElementMapper<T> mapper) {
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      T element = list.get(i);
      String p = path + "[" + i + "]";
      if (element == null) {
        errors.add(p, "must not be null");
      } else {
        mapper.map(p, element);
      }
    }
  }
}
