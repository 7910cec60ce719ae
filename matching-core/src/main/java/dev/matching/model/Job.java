package dev.matching.model;

import dev.matching.model.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A job offered by an employer: where, which skills, which shifts, what pay, how many people.
 * Immutable and thread-safe; build one with {@link #builder(String)}.
 *
 * <p>A job with no {@link #location()} is remote: it is within reach of every worker and scores
 * 1 on distance. Shifts are kept sorted by start. A skill appears at most once among the
 * required skills and at most once among the preferred ones.
 */
public final class Job {

  /** Most shifts one job may carry; a longer schedule is split into several jobs. */
  public static final int MAX_SHIFTS = 1_000;
  /** Most required or preferred skills one job may list. */
  public static final int MAX_SKILLS = 64;
  /** Largest headcount accepted. */
  public static final int MAX_HEADCOUNT = 100_000;
  /** Longest title accepted, in characters. */
  public static final int MAX_TITLE_LENGTH = 200;

  private final String id;
  private final String employerId;
  private final String title;
  private final @Nullable GeoPoint location;
  private final List<RequiredSkill> requiredSkills;
  private final List<PreferredSkill> preferredSkills;
  private final List<Shift> shifts;
  private final Pay pay;
  private final int headcount;
  private final boolean open;

  private Job(Builder b) {
    this.id = Checks.id(b.id, "id");
    this.employerId = Checks.id(b.employerId, "employerId");
    String t = b.title == null ? id : Checks.text(b.title, "title");
    if (!(t.length() <= MAX_TITLE_LENGTH)) {
      throw Checks.fail("title",
          "must be at most " + MAX_TITLE_LENGTH + " characters, was " + t.length());
    }
    this.title = t;
    this.location = b.location;
    this.requiredSkills = Checks.listOf(b.requiredSkills, "requiredSkills");
    this.preferredSkills = Checks.listOf(b.preferredSkills, "preferredSkills");
    if (!(requiredSkills.size() <= MAX_SKILLS)) {
      throw Checks.fail("requiredSkills",
          "must list at most " + MAX_SKILLS + " skills, was " + requiredSkills.size());
    }
    if (!(preferredSkills.size() <= MAX_SKILLS)) {
      throw Checks.fail("preferredSkills",
          "must list at most " + MAX_SKILLS + " skills, was " + preferredSkills.size());
    }
    Set<String> seen = new HashSet<>();
    for (RequiredSkill r : requiredSkills) {
      if (!(seen.add(r.skill()))) {
        throw Checks.fail("requiredSkills",
            "lists " + Checks.quote(r.skill()) + " twice");
      }
    }
    seen.clear();
    for (PreferredSkill p : preferredSkills) {
      if (!(seen.add(p.skill()))) {
        throw Checks.fail("preferredSkills",
            "lists " + Checks.quote(p.skill()) + " twice");
      }
    }
    List<Shift> s = new ArrayList<>(Checks.listOf(b.shifts, "shifts"));
    if (!(s.size() <= MAX_SHIFTS)) {
      throw Checks.fail("shifts",
          "must have at most " + MAX_SHIFTS + " entries, was " + s.size());
    }
    s.sort(null);
    this.shifts = List.copyOf(s);
    this.pay = Checks.required(b.pay, "pay");
    this.headcount = Checks.intIn(b.headcount, 1, MAX_HEADCOUNT, "headcount");
    this.open = b.open;
  }

  /** Starts a builder for a job with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder pre-filled with this job's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.employerId = employerId;
    b.title = title;
    b.location = location;
    b.requiredSkills = new ArrayList<>(requiredSkills);
    b.preferredSkills = new ArrayList<>(preferredSkills);
    b.shifts = new ArrayList<>(shifts);
    b.pay = pay;
    b.headcount = headcount;
    b.open = open;
    return b;
  }

  /** Unique id of the job. */
  public String id() {
    return id;
  }

  /** Id of the employer offering the job. */
  public String employerId() {
    return employerId;
  }

  /** Human-readable title; the id when none was given. */
  public String title() {
    return title;
  }

  /** Where the job takes place; {@code null} for a remote job. */
  public @Nullable GeoPoint location() {
    return location;
  }

  /** Whether the job can be done from anywhere. */
  public boolean remote() {
    return location == null;
  }

  /** Skills a worker must have, each at a minimum level. */
  public List<RequiredSkill> requiredSkills() {
    return requiredSkills;
  }

  /** Skills that raise a worker's score, weighted. */
  public List<PreferredSkill> preferredSkills() {
    return preferredSkills;
  }

  /** Concrete shifts, sorted by start; may be empty (the schedule is then unknown). */
  public List<Shift> shifts() {
    return shifts;
  }

  /** Hourly pay in yen. */
  public Pay pay() {
    return pay;
  }

  /** How many workers the job needs, at least 1. */
  public int headcount() {
    return headcount;
  }

  /** Whether the job accepts applicants; a closed job is never matched. */
  public boolean open() {
    return open;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Job)) {
      return false;
    }
    Job j = (Job) o;
    return headcount == j.headcount && open == j.open && id.equals(j.id) && employerId.equals(j.employerId)
        && title.equals(j.title) && Objects.equals(location, j.location)
        && requiredSkills.equals(j.requiredSkills) && preferredSkills.equals(j.preferredSkills)
        && shifts.equals(j.shifts) && pay.equals(j.pay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, employerId, title, location, requiredSkills, preferredSkills, shifts, pay, headcount, open);
  }

  @Override
  public String toString() {
    return "Job[" + id + ", employer=" + employerId + ", " + (location == null ? "remote" : location)
        + ", required=" + requiredSkills.size() + ", preferred=" + preferredSkills.size()
        + ", shifts=" + shifts.size() + ", pay=" + pay.minYen() + "-" + pay.maxYen()
        + ", headcount=" + headcount + (open ? "" : ", closed") + "]";
  }

  /** Mutable builder of {@link Job}; not thread-safe. {@link #build()} validates every field. */
  public static final class Builder {
    private final String id;
    private @Nullable String employerId;
    private @Nullable String title;
    private @Nullable GeoPoint location;
    private List<RequiredSkill> requiredSkills = new ArrayList<>();
    private List<PreferredSkill> preferredSkills = new ArrayList<>();
    private List<Shift> shifts = new ArrayList<>();
    private @Nullable Pay pay;
    private int headcount = 1;
    private boolean open = true;

    private Builder(String id) {
      this.id = id;
    }

    /** Sets the employer id (required). */
    public Builder employerId(String employerId) {
      this.employerId = employerId;
      return this;
    }

    /** Sets the title; defaults to the id. */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /** Sets the place of work; {@code null} makes the job remote. */
    public Builder location(@Nullable GeoPoint location) {
      this.location = location;
      return this;
    }

    /** Sets the place of work. */
    public Builder location(double latitude, double longitude) {
      return location(GeoPoint.of(latitude, longitude));
    }

    /** Makes the job remote. */
    public Builder remote() {
      this.location = null;
      return this;
    }

    /** Adds a required skill. */
    public Builder require(String skill, int minLevel) {
      requiredSkills.add(RequiredSkill.of(skill, minLevel));
      return this;
    }

    /** Replaces the required skills. */
    public Builder requiredSkills(List<RequiredSkill> skills) {
      this.requiredSkills = new ArrayList<>(Checks.listOf(skills, "requiredSkills"));
      return this;
    }

    /** Adds a preferred skill. */
    public Builder prefer(String skill, int level, double weight) {
      preferredSkills.add(PreferredSkill.of(skill, level, weight));
      return this;
    }

    /** Replaces the preferred skills. */
    public Builder preferredSkills(List<PreferredSkill> skills) {
      this.preferredSkills = new ArrayList<>(Checks.listOf(skills, "preferredSkills"));
      return this;
    }

    /** Adds a shift. */
    public Builder shift(Shift shift) {
      shifts.add(Checks.required(shift, "shifts[" + shifts.size() + "]"));
      return this;
    }

    /** Replaces the shifts. */
    public Builder shifts(List<Shift> shifts) {
      this.shifts = new ArrayList<>(Checks.listOf(shifts, "shifts"));
      return this;
    }

    /** Sets the hourly pay (required). */
    public Builder pay(Pay pay) {
      this.pay = pay;
      return this;
    }

    /** Sets a fixed hourly pay in yen. */
    public Builder hourlyPay(int yen) {
      return pay(Pay.hourly(yen));
    }

    /** Sets the headcount; defaults to 1. */
    public Builder headcount(int headcount) {
      this.headcount = headcount;
      return this;
    }

    /** Opens or closes the job; defaults to open. */
    public Builder open(boolean open) {
      this.open = open;
      return this;
    }

    /** Validates and builds; fails with an {@link IllegalArgumentException} naming the field. */
    public Job build() {
      return new Job(this);
    }
  }
}
