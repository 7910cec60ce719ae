package dev.matching.spring.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of jobs and workers in the REST API (snake_case, nulls omitted). Plain data:
 * {@link DomainMapper} validates them into the domain and back.
 */
public final class ResourceJson {
  private ResourceJson() {}

  /** A job. {@code location} null means remote. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record JobJson(
      @Nullable String id,
      @JsonProperty("employer_id") @Nullable String employerId,
      @Nullable String title,
      @Nullable LocationJson location,
      @JsonProperty("required_skills") @Nullable List<RequiredSkillJson> requiredSkills,
      @JsonProperty("preferred_skills") @Nullable List<PreferredSkillJson> preferredSkills,
      @Nullable List<ShiftJson> shifts,
      @Nullable PayJson pay,
      @Nullable Integer headcount,
      @Nullable Boolean open,
      @Nullable Long version) {}

  /** A point on Earth in decimal degrees. */
  public record LocationJson(@Nullable Double lat, @Nullable Double lng) {}

  /** A skill the job requires, at {@code min_level} (1-5) or above. */
  public record RequiredSkillJson(@Nullable String skill, @JsonProperty("min_level") @Nullable Integer minLevel) {}

  /** A skill the job would like, at {@code level} (1-5), with a relative weight. */
  public record PreferredSkillJson(@Nullable String skill, @Nullable Integer level, @Nullable Double weight) {}

  /**
   * A shift: local start and end date-times in {@code zone} (an IANA zone id); the end is after
   * the start and at most 24 hours later (overnight shifts end on the next date).
   */
  public record ShiftJson(@Nullable LocalDateTime start, @Nullable LocalDateTime end, @Nullable String zone) {}

  /** Hourly pay in JPY: {@code min} to {@code max} ({@code max} defaults to {@code min}). */
  public record PayJson(@Nullable Integer min, @Nullable Integer max) {}

  /** A worker. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WorkerJson(
      @Nullable String id,
      @Nullable LocationJson home,
      @JsonProperty("max_travel_km") @Nullable Double maxTravelKm,
      @Nullable Map<String, Integer> skills,
      @Nullable AvailabilityJson availability,
      @JsonProperty("desired_pay") @Nullable DesiredPayJson desiredPay,
      @JsonProperty("desired_hours_per_week") @Nullable Integer desiredHoursPerWeek,
      @Nullable Boolean active,
      @Nullable Long version) {}

  /** When a worker is available: weekly windows and dated exceptions, read in {@code zone}. */
  public record AvailabilityJson(
      @Nullable String zone, @Nullable List<WeeklyWindowJson> weekly, @Nullable List<DateOverrideJson> overrides) {}

  /** A weekly window; an end at or before the start runs past midnight. */
  public record WeeklyWindowJson(@Nullable DayOfWeek day, @Nullable LocalTime start, @Nullable LocalTime end) {}

  /** On {@code date}, availability is exactly {@code windows} (none: unavailable all day). */
  public record DateOverrideJson(@Nullable LocalDate date, @Nullable List<TimeRangeJson> windows) {}

  /** A time range within a day; an end at or before the start runs past midnight. */
  public record TimeRangeJson(@Nullable LocalTime start, @Nullable LocalTime end) {}

  /** The worker's desired minimum hourly pay in JPY; {@code hard} excludes jobs paying less. */
  public record DesiredPayJson(@JsonProperty("min_hourly") @Nullable Integer minHourly, @Nullable Boolean hard) {}
}
