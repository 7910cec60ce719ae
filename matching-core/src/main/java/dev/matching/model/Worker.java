package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A worker looking for part-time or shift work. Immutable and thread-safe; build one with
 * {@link #builder(String)}.
 *
 * <p>Optional facts are {@code null} when unknown: the home location, the availability, the
 * desired pay and the desired hours. How scoring treats an unknown fact is set per factor by
 * the scoring policy's missing-data rules.
 */
public final class Worker {

  /** Longest travel distance accepted, in kilometres. */
  public static final double MAX_TRAVEL_KM = 1_000;
  /** Most skills one worker may list. */
  public static final int MAX_SKILLS = 64;

  private final String id;
  private final @Nullable GeoPoint home;
  private final double maxTravelKm;
  private final Map<String, Integer> skills;
  private final @Nullable Availability availability;
  private final @Nullable PayPreference desiredPay;
  private final @Nullable Integer desiredHoursPerWeek;
  private final boolean active;

  private Worker(Builder b) {
    this.id = Checks.id(b.id, "id");
    this.home = b.home;
    Checks.finiteIn(b.maxTravelKm, 0, MAX_TRAVEL_KM, "maxTravelKm");
    if (!(b.maxTravelKm > 0)) {
      throw Checks.fail("maxTravelKm",
          "must be greater than 0, was " + b.maxTravelKm);
    }
    this.maxTravelKm = b.maxTravelKm;
    if (!(b.skills.size() <= MAX_SKILLS)) {
      throw Checks.fail("skills",
          "must list at most " + MAX_SKILLS + " skills, was " + b.skills.size());
    }
    Map<String, Integer> s = new TreeMap<>();
    for (Map.Entry<String, Integer> e : b.skills.entrySet()) {
      String skill = Checks.id(e.getKey(), "skills");
      Integer level = Checks.required(e.getValue(), "skills[" + skill + "]");
      s.put(skill, SkillLevel.check(level, "skills[" + skill + "]"));
    }
    this.skills = Collections.unmodifiableMap(new LinkedHashMap<>(s));
    this.availability = b.availability;
    this.desiredPay = b.desiredPay;
    if (b.desiredHoursPerWeek != null) {
      Checks.intIn(b.desiredHoursPerWeek, 1, 168, "desiredHoursPerWeek");
    }
    this.desiredHoursPerWeek = b.desiredHoursPerWeek;
    this.active = b.active;
  }

  /** Starts a builder for a worker with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder pre-filled with this worker's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.home = home;
    b.maxTravelKm = maxTravelKm;
    b.skills.putAll(skills);
    b.availability = availability;
    b.desiredPay = desiredPay;
    b.desiredHoursPerWeek = desiredHoursPerWeek;
    b.active = active;
    return b;
  }

  /** Unique id of the worker. */
  public String id() {
    return id;
  }

  /** Home location, or {@code null} when unknown. */
  public @Nullable GeoPoint home() {
    return home;
  }

  /** Farthest the worker travels to a job, in kilometres; farther jobs are excluded. */
  public double maxTravelKm() {
    return maxTravelKm;
  }

  /** Skill code to level (1-5), sorted by code. */
  public Map<String, Integer> skills() {
    return skills;
  }

  /** The worker's level in {@code skill}, or 0 without it. */
  public int level(String skill) {
    Integer l = skills.get(skill);
    return l == null ? 0 : l;
  }

  /** When the worker can work, or {@code null} when unknown. */
  public @Nullable Availability availability() {
    return availability;
  }

  /** The desired minimum hourly pay, or {@code null} when the worker has none. */
  public @Nullable PayPreference desiredPay() {
    return desiredPay;
  }

  /** Desired hours per week (1-168), or {@code null}; informational, not scored. */
  public @Nullable Integer desiredHoursPerWeek() {
    return desiredHoursPerWeek;
  }

  /** Whether the worker is looking for work; inactive workers are never matched. */
  public boolean active() {
    return active;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Worker)) {
      return false;
    }
    Worker w = (Worker) o;
    return Double.compare(maxTravelKm, w.maxTravelKm) == 0 && active == w.active && id.equals(w.id)
        && Objects.equals(home, w.home) && skills.equals(w.skills)
        && Objects.equals(availability, w.availability) && Objects.equals(desiredPay, w.desiredPay)
        && Objects.equals(desiredHoursPerWeek, w.desiredHoursPerWeek);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, home, maxTravelKm, skills, availability, desiredPay, desiredHoursPerWeek, active);
  }

  @Override
  public String toString() {
    return "Worker[" + id + ", home=" + home + ", maxTravelKm=" + maxTravelKm + ", skills=" + skills
        + ", desiredPay=" + desiredPay + (active ? "" : ", inactive") + "]";
  }

  /** Mutable builder of {@link Worker}; not thread-safe. {@link #build()} validates every field. */
  public static final class Builder {
    private final String id;
    private @Nullable GeoPoint home;
    private double maxTravelKm = 10;
    private final Map<String, Integer> skills = new LinkedHashMap<>();
    private @Nullable Availability availability;
    private @Nullable PayPreference desiredPay;
    private @Nullable Integer desiredHoursPerWeek;
    private boolean active = true;

    private Builder(String id) {
      this.id = id;
    }

    /** Sets the home location; {@code null} when unknown. */
    public Builder home(@Nullable GeoPoint home) {
      this.home = home;
      return this;
    }

    /** Sets the home location. */
    public Builder home(double latitude, double longitude) {
      return home(GeoPoint.of(latitude, longitude));
    }

    /** Sets the farthest travel distance in kilometres; defaults to 10. */
    public Builder maxTravelKm(double km) {
      this.maxTravelKm = km;
      return this;
    }

    /** Adds or replaces a skill with its level (1-5). */
    public Builder skill(String skill, int level) {
      skills.put(skill, level);
      return this;
    }

    /** Replaces all skills. */
    public Builder skills(Map<String, Integer> skills) {
      this.skills.clear();
      this.skills.putAll(Checks.required(skills, "skills"));
      return this;
    }

    /** Sets the availability; {@code null} when unknown. */
    public Builder availability(@Nullable Availability availability) {
      this.availability = availability;
      return this;
    }

    /** Sets the desired pay; {@code null} for none. */
    public Builder desiredPay(@Nullable PayPreference desiredPay) {
      this.desiredPay = desiredPay;
      return this;
    }

    /** Sets the desired hours per week (1-168); {@code null} for none. */
    public Builder desiredHoursPerWeek(@Nullable Integer hours) {
      this.desiredHoursPerWeek = hours;
      return this;
    }

    /** Marks the worker active (the default) or inactive. */
    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /** Validates and builds; fails with an {@link IllegalArgumentException} naming the field. */
    public Worker build() {
      return new Worker(this);
    }
  }
}
