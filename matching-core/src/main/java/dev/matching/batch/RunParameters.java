package dev.matching.batch;

import dev.matching.model.InvalidArgumentException;
import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.spi.BatchRun;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The typed parameters of a daily matching run: what {@link MatchingBatch#trigger} keeps in
 * {@link BatchRun#parameters()} and the batch reads back. Immutable.
 *
 * <p>Stored as strings under these keys: {@code generation}, {@code top_n}, {@code directions}
 * (comma-separated {@link Direction} names), {@code assignment} ({@link AssignmentMode#parameterValue()},
 * written only when not none), {@code max_offers_per_worker} (written with {@code assignment}),
 * {@code jobs_stored}, {@code jobs_indexed}, {@code workers_stored}, {@code workers_indexed}.
 *
 * <p><b>Missing and malformed values.</b> {@link #of} accepts a map lacking any key but
 * {@code generation}, as a run stored by an older version may: an absent optional value is empty
 * (the batch then uses its configuration: {@link BatchConfig#topN()},
 * {@link BatchConfig#maxOffersPerWorker()}), absent directions are none, an absent assignment is
 * {@link AssignmentMode#NONE}. A key present with a value that does not parse or is out of range
 * (a run edited by hand in a database) is never guessed at or skipped: {@code of} throws an
 * {@link IllegalArgumentException} naming the run, the key and the value. The batch then fails
 * the run's partitions with that message as the reason instead of ranking with made-up values,
 * does not publish a succeeded run it cannot read, and the integrity check reports such a run as
 * {@code BATCH_RUN_INCONSISTENT}. Keys this type does not know are ignored.
 *
 * @param generation the generation the run writes: the trigger's time in epoch milliseconds, at least 1
 * @param topN matches stored per subject, in [1, {@value BatchConfig#MAX_TOP_N}]; empty: the configured top-N
 * @param directions the directions ranked
 * @param assignment the assignment the run ends with
 * @param maxOffersPerWorker offers per worker in the run's assignment, in [1, {@value BatchConfig#MAX_TOP_N}];
 *     empty: the configured maximum
 * @param jobsStored the jobs in the store when the run was triggered (with the other three counts, what the
 *     run saw: operators compare them with the market when the integrity check reports subjects a published run
 *     left out); empty when not recorded
 * @param jobsIndexed the jobs in the triggering node's index when the run was triggered; empty when not recorded
 * @param workersStored the workers in the store when the run was triggered; empty when not recorded
 * @param workersIndexed the workers in the triggering node's index when the run was triggered; empty when not
 *     recorded
 */
public record RunParameters(
    long generation,
    OptionalInt topN,
    Set<Direction> directions,
    AssignmentMode assignment,
    OptionalInt maxOffersPerWorker,
    OptionalLong jobsStored,
    OptionalLong jobsIndexed,
    OptionalLong workersStored,
    OptionalLong workersIndexed) {

  private static final String GENERATION = "generation";
  private static final String TOP_N = "top_n";
  private static final String DIRECTIONS = "directions";
  /** The key of {@link #assignment()}; {@link AssignmentMode#ofParameter} names it in its errors. */
  static final String ASSIGNMENT = "assignment";
  private static final String MAX_OFFERS = "max_offers_per_worker";
  private static final String JOBS_STORED = "jobs_stored";
  private static final String JOBS_INDEXED = "jobs_indexed";
  private static final String WORKERS_STORED = "workers_stored";
  private static final String WORKERS_INDEXED = "workers_indexed";

  /** Validates and copies. */
  public RunParameters {
    Checks.check(generation >= 1, GENERATION, "must be at least 1, was " + generation);
    Checks.required(topN, TOP_N).ifPresent(n -> Checks.intIn(n, 1, BatchConfig.MAX_TOP_N, TOP_N));
    EnumSet<Direction> copy = EnumSet.noneOf(Direction.class);
    copy.addAll(Checks.required(directions, DIRECTIONS));
    directions = Collections.unmodifiableSet(copy);
    Checks.required(assignment, ASSIGNMENT);
    Checks.required(maxOffersPerWorker, MAX_OFFERS).ifPresent(n -> Checks.intIn(n, 1, BatchConfig.MAX_TOP_N, MAX_OFFERS));
    count(jobsStored, JOBS_STORED);
    count(jobsIndexed, JOBS_INDEXED);
    count(workersStored, WORKERS_STORED);
    count(workersIndexed, WORKERS_INDEXED);
  }

  /**
   * The parameters of {@code run}, as described in the class comment.
   *
   * @throws IllegalArgumentException when {@code generation} is missing, or a key holds a value
   *     that does not parse or is out of range; the message reads, for example,
   *     {@code batch run r-7, parameter top_n: must be a whole number, was "ten"}
   */
  public static RunParameters of(BatchRun run) {
    Map<String, String> map = Checks.required(run, "run").parameters();
    try {
      return new RunParameters(
          wholeNumber(map, GENERATION).orElseThrow(() -> Checks.fail(GENERATION, "is required")),
          smallNumber(map, TOP_N),
          directions(map.get(DIRECTIONS)),
          AssignmentMode.ofParameter(map.get(ASSIGNMENT)),
          smallNumber(map, MAX_OFFERS),
          wholeNumber(map, JOBS_STORED),
          wholeNumber(map, JOBS_INDEXED),
          wholeNumber(map, WORKERS_STORED),
          wholeNumber(map, WORKERS_INDEXED));
    } catch (InvalidArgumentException e) {
      throw new InvalidArgumentException("batch run " + run.id() + ", parameter " + e.field(), e.problem(), e);
    }
  }

  /**
   * The map to store with the run: every value present, in the order above; {@code assignment}
   * only when not none. {@code of(run).toMap()} equals the parameters of a run this version
   * triggered. Unmodifiable.
   */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(GENERATION, Long.toString(generation));
    topN.ifPresent(n -> map.put(TOP_N, Integer.toString(n)));
    StringJoiner names = new StringJoiner(",");
    directions.forEach(d -> names.add(d.name()));
    map.put(DIRECTIONS, names.toString());
    if (assignment != AssignmentMode.NONE) {
      map.put(ASSIGNMENT, assignment.parameterValue());
    }
    maxOffersPerWorker.ifPresent(n -> map.put(MAX_OFFERS, Integer.toString(n)));
    jobsStored.ifPresent(n -> map.put(JOBS_STORED, Long.toString(n)));
    jobsIndexed.ifPresent(n -> map.put(JOBS_INDEXED, Long.toString(n)));
    workersStored.ifPresent(n -> map.put(WORKERS_STORED, Long.toString(n)));
    workersIndexed.ifPresent(n -> map.put(WORKERS_INDEXED, Long.toString(n)));
    return Collections.unmodifiableMap(map);
  }

  private static void count(OptionalLong value, String key) {
    Checks.required(value, key).ifPresent(n -> Checks.check(n >= 0, key, "must not be negative, was " + n));
  }

  private static OptionalLong wholeNumber(Map<String, String> map, String key) {
    String value = map.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw Checks.fail(key, "must be a whole number, was \"" + value + "\"");
    }
  }

  private static OptionalInt smallNumber(Map<String, String> map, String key) {
    OptionalLong value = wholeNumber(map, key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    long n = value.getAsLong();
    Checks.check(n >= 1 && n <= BatchConfig.MAX_TOP_N, key,
        "must be within [1, " + BatchConfig.MAX_TOP_N + "], was " + n);
    return OptionalInt.of((int) n);
  }

  /** Comma-separated direction names; empty entries are skipped, as an empty value is no direction. */
  private static Set<Direction> directions(@Nullable String value) {
    Set<Direction> out = EnumSet.noneOf(Direction.class);
    if (value == null) {
      return out;
    }
    for (String name : value.split(",", -1)) {
      if (name.isEmpty()) {
        continue;
      }
      try {
        out.add(Direction.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw Checks.fail(DIRECTIONS, "must be comma-separated names of " + EnumSet.allOf(Direction.class)
            + ", was \"" + value + "\"");
      }
    }
    return out;
  }
}
