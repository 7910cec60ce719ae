package dev.matching.spring.web;

import dev.matching.query.Cursor;
import dev.matching.query.MatchFilter;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns the query parameters of the match endpoints ({@code limit}, {@code cursor},
 * {@code preset}, {@code employer_id}, {@code skill}, {@code from}, {@code to}) into a
 * {@link MatchQuery}, reporting every bad parameter by name. Immutable and thread-safe.
 *
 * @param defaultLimit page size when none is asked for
 * @param maxLimit largest page size allowed
 */
public record QueryParameters(int defaultLimit, int maxLimit) {

  /** The query the parameters describe, with a cursor in {@link Cursor#encode()}'s form. */
  public MatchQuery toQuery(@Nullable Integer limit, @Nullable String cursor, @Nullable String preset,
      @Nullable List<String> employerIds, @Nullable List<String> skills, @Nullable String from, @Nullable String to) {
    return toQuery(limit, cursor, Cursor::decode, preset, employerIds, skills, from, to);
  }

  /**
   * The query the parameters describe, the cursor read by {@code cursors} (which throws an
   * {@link IllegalArgumentException} naming {@code cursor} for text that is not a cursor, such as
   * {@link CursorSeal#open}).
   */
  public MatchQuery toQuery(@Nullable Integer limit, @Nullable String cursor, Function<String, Cursor> cursors,
      @Nullable String preset, @Nullable List<String> employerIds, @Nullable List<String> skills,
      @Nullable String from, @Nullable String to) {
    FieldErrors errors = new FieldErrors();
    int size = limit == null ? defaultLimit : limit;
    if (size < 1 || size > maxLimit) {
      errors.add("limit", "must be within [1, " + maxLimit + "], was " + size);
    }
    Cursor after = cursor == null || cursor.isEmpty() ? null : errors.attempt("cursor", () -> cursors.apply(cursor));
    ScoringPolicy policy = preset(preset, errors);
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    MatchFilter filter = errors.isEmpty()
        ? errors.attempt("", () -> MatchFilter.none().withEmployers(set(employerIds)).withSkills(set(skills))
            .withRange(fromInstant, toInstant))
        : null;
    errors.throwIfAny();
    return MatchQuery.top(size).after(after).withPolicy(policy).withFilter(java.util.Objects.requireNonNull(filter));
  }

  /**
   * The preset named {@code preset}, or {@code fallback} when none is named.
   *
   * @throws InvalidRequestException naming {@code preset} when there is no such preset
   */
  public ScoringPolicy policy(@Nullable String preset, ScoringPolicy fallback) {
    FieldErrors errors = new FieldErrors();
    ScoringPolicy policy = preset(preset, errors);
    errors.throwIfAny();
    return policy == null ? fallback : policy;
  }

  private static @Nullable ScoringPolicy preset(@Nullable String preset, FieldErrors errors) {
    if (preset == null || preset.isEmpty()) {
      return null;
    }
    ScoringPolicy policy = ScoringPolicy.findPreset(preset).orElse(null);
    if (policy == null) {
      errors.add("preset", "must be one of " + ScoringPolicy.presets().keySet() + ", was \"" + preset + "\"");
    }
    return policy;
  }

  private static Set<String> set(@Nullable List<String> values) {
    return values == null ? Set.of() : new LinkedHashSet<>(values);
  }

  private static @Nullable Instant instant(String name, @Nullable String value, FieldErrors errors) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(name, "must be an ISO-8601 date-time with offset such as 2026-12-01T09:00:00+09:00, was \"" + value + "\"");
      return null;
    }
  }
}
