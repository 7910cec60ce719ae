package dev.matching.query;

import dev.matching.model.Job;
import dev.matching.model.Shift;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.model.internal.Timeline;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Restricts which candidates a ranking considers. Immutable and thread-safe. Empty criteria
 * match everything; all given criteria must hold.
 *
 * <ul>
 *   <li>{@code employerIds}: jobs of one of these employers (jobs only).
 *   <li>{@code skills}: jobs that require or prefer every one of these skills; workers that have
 *       every one of them.
 *   <li>{@code from}/{@code to}: jobs with a shift overlapping {@code [from, to)}; workers
 *       available at some moment in {@code [from, to)}.
 * </ul>
 *
 * @param employerIds employer ids, empty for any
 * @param skills skill codes, empty for any
 * @param from start of the date range, or null
 * @param to end of the date range, or null
 */
public record MatchFilter(Set<String> employerIds, Set<String> skills, @Nullable Instant from, @Nullable Instant to) {

  private static final MatchFilter NONE = new MatchFilter(Set.of(), Set.of(), null, null);

  /** Validates and copies. */
  public MatchFilter {
    employerIds = Set.copyOf(Checks.required(employerIds, "filter.employerIds"));
    skills = Set.copyOf(Checks.required(skills, "filter.skills"));
    if (from != null && to != null) {
      if (!(to.isAfter(from))) {
        throw Checks.fail("filter.to",
            "must be after filter.from (" + from + "), was " + to);
      }
    }
  }

  /** The filter that accepts everything. */
  public static MatchFilter none() {
    return NONE;
  }

  /** Whether this filter accepts everything. */
  public boolean isEmpty() {
    return employerIds.isEmpty() && skills.isEmpty() && from == null && to == null;
  }

  /** A copy restricted to these employers. */
  public MatchFilter withEmployers(Set<String> ids) {
    return new MatchFilter(ids, skills, from, to);
  }

  /** A copy restricted to these skills. */
  public MatchFilter withSkills(Set<String> codes) {
    return new MatchFilter(employerIds, codes, from, to);
  }

  /** A copy restricted to the range {@code [from, to)}; either end may be null (open). */
  public MatchFilter withRange(@Nullable Instant from, @Nullable Instant to) {
    return new MatchFilter(employerIds, skills, from, to);
  }

  /** Whether {@code job} passes. */
  public boolean test(Job job) {
    if (!employerIds.isEmpty() && !employerIds.contains(job.employerId())) {
      return false;
    }
    for (String skill : skills) {
      boolean found = job.requiredSkills().stream().anyMatch(r -> r.skill().equals(skill))
          || job.preferredSkills().stream().anyMatch(p -> p.skill().equals(skill));
      if (!found) {
        return false;
      }
    }
    if (from == null && to == null) {
      return true;
    }
    for (Shift s : job.shifts()) {
      if ((to == null || s.start().isBefore(to)) && (from == null || s.end().isAfter(from))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code worker} passes (employer ids do not apply to workers). */
  public boolean test(Worker worker) {
    for (String skill : skills) {
      if (!worker.skills().containsKey(skill)) {
        return false;
      }
    }
    if (from == null && to == null) {
      return true;
    }
    if (worker.availability() == null || from == null || to == null) {
      return worker.availability() != null;
    }
    Timeline t = Timeline.of(worker.availability(), from, to);
    return t.intervals() > 0;
  }
}
