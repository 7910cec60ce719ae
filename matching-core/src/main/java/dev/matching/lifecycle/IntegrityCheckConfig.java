package dev.matching.lifecycle;

import dev.matching.model.internal.Checks;
import dev.matching.spi.support.PageLimit;
import java.time.Duration;

/**
 * Options of the {@link IntegrityCheck}. Immutable and thread-safe; built with {@link #custom()}
 * or taken as {@link #ofDefaults()}.
 */
public final class IntegrityCheckConfig {
  /** Largest sample of ids kept per kind of finding. */
  public static final int MAX_SAMPLE = 1000;

  private static final IntegrityCheckConfig DEFAULTS = custom().build();

  private final int sampleSize;
  private final Duration stalledAfter;
  private final int batchRuns;

  private IntegrityCheckConfig(Builder b) {
    this.sampleSize = Checks.intIn(b.sampleSize, 1, MAX_SAMPLE, "sampleSize");
    Checks.required(b.stalledAfter, "stalledAfter");
    Checks.check(!b.stalledAfter.isNegative() && !b.stalledAfter.isZero(), "stalledAfter",
        "must be positive, was " + b.stalledAfter);
    this.stalledAfter = b.stalledAfter;
    this.batchRuns = Checks.intIn(b.batchRuns, 1, PageLimit.MAX, "batchRuns");
  }

  /** Samples of 20 ids, runs stalled after 1 hour without a live lease, the latest 1000 runs checked. */
  public static IntegrityCheckConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** How many ids each finding keeps as its sample (the count is always complete). */
  public int sampleSize() {
    return sampleSize;
  }

  /** How long an active batch run may go without a live partition lease before it counts as stalled. */
  public Duration stalledAfter() {
    return stalledAfter;
  }

  /** How many of the latest batch runs are checked. */
  public int batchRuns() {
    return batchRuns;
  }

  @Override
  public String toString() {
    return "IntegrityCheckConfig[sampleSize=" + sampleSize + ", stalledAfter=" + stalledAfter + ", batchRuns="
        + batchRuns + "]";
  }

  /** Builds an {@link IntegrityCheckConfig}. Not thread-safe. */
  public static final class Builder {
    private int sampleSize = 20;
    private Duration stalledAfter = Duration.ofHours(1);
    private int batchRuns = 1000;

    private Builder() {}

    /** Ids kept per finding, in [1, {@value #MAX_SAMPLE}]. */
    public Builder sampleSize(int sampleSize) {
      this.sampleSize = sampleSize;
      return this;
    }

    /** Positive. */
    public Builder stalledAfter(Duration stalledAfter) {
      this.stalledAfter = stalledAfter;
      return this;
    }

    /** Latest runs checked, in [1, {@value PageLimit#MAX}] (one page of {@code BatchRunStore.list}). */
    public Builder batchRuns(int batchRuns) {
      this.batchRuns = batchRuns;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException naming the field when a value is out of range
     */
    public IntegrityCheckConfig build() {
      return new IntegrityCheckConfig(this);
    }
  }
}
