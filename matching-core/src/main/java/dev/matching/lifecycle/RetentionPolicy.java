package dev.matching.lifecycle;

import dev.matching.model.internal.Checks;
import java.time.Duration;

/**
 * How long each kind of data is kept by the {@link RetentionTask}. Immutable and thread-safe;
 * built with {@link #custom()} or taken as {@link #ofDefaults()}.
 *
 * <p>One rule for every category: a positive age keeps data that long, {@link Duration#ZERO}
 * keeps it forever (the category is disabled). A negative or null age is rejected.
 */
public final class RetentionPolicy {
  /** Default age of finished batch runs: one year. */
  public static final Duration DEFAULT_BATCH_RUNS = Duration.ofDays(365);
  /** Default age of stored match lists: 30 days. */
  public static final Duration DEFAULT_MATCH_RESULTS = Duration.ofDays(30);
  /** Default age of a worker's personal data after its last activity: three years. */
  public static final Duration DEFAULT_INACTIVE_WORKERS = Duration.ofDays(1095);

  private static final RetentionPolicy DEFAULTS = custom().build();

  private final Duration batchRuns;
  private final Duration matchResults;
  private final Duration inactiveWorkers;

  private RetentionPolicy(Builder b) {
    this.batchRuns = notNegative(b.batchRuns, "batchRuns");
    this.matchResults = notNegative(b.matchResults, "matchResults");
    this.inactiveWorkers = notNegative(b.inactiveWorkers, "inactiveWorkers");
  }

  private static Duration notNegative(Duration d, String field) {
    Checks.required(d, field);
    if (d.isNegative()) {
      throw Checks.fail(field, "must not be negative (0 keeps forever), was " + d);
    }
    return d;
  }

  /** Batch runs 365 days after they finished, match lists 30 days, inactive workers 1095 days. */
  public static RetentionPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder().batchRuns(batchRuns).matchResults(matchResults).inactiveWorkers(inactiveWorkers);
  }

  /** How long finished batch runs are kept after they finished; zero: forever. */
  public Duration batchRuns() {
    return batchRuns;
  }

  /** How long stored match lists are kept after they were computed; zero: forever. */
  public Duration matchResults() {
    return matchResults;
  }

  /**
   * How long a worker is kept after its last write ({@code updatedAt} in the worker store)
   * before its personal data is erased; zero: forever.
   */
  public Duration inactiveWorkers() {
    return inactiveWorkers;
  }

  @Override
  public String toString() {
    return "RetentionPolicy[batchRuns=" + batchRuns + ", matchResults=" + matchResults + ", inactiveWorkers="
        + inactiveWorkers + "]";
  }

  /** Builds a {@link RetentionPolicy}. Not thread-safe. */
  public static final class Builder {
    private Duration batchRuns = DEFAULT_BATCH_RUNS;
    private Duration matchResults = DEFAULT_MATCH_RESULTS;
    private Duration inactiveWorkers = DEFAULT_INACTIVE_WORKERS;

    private Builder() {}

    /** Age of finished batch runs; zero keeps them forever. */
    public Builder batchRuns(Duration age) {
      this.batchRuns = age;
      return this;
    }

    /** Age of stored match lists; zero keeps them forever. */
    public Builder matchResults(Duration age) {
      this.matchResults = age;
      return this;
    }

    /** Inactivity after which a worker's personal data is erased; zero keeps workers forever. */
    public Builder inactiveWorkers(Duration age) {
      this.inactiveWorkers = age;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @throws IllegalArgumentException naming the field when an age is null or negative
     */
    public RetentionPolicy build() {
      return new RetentionPolicy(this);
    }
  }
}
