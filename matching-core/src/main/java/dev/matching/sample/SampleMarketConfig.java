package dev.matching.sample;

import dev.matching.model.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SampleMarket} generates: the seed, how many jobs and workers, the shift horizon
 * and the {@link MarketShape} (where jobs and homes lie, travel limits, remote jobs, ties and
 * more). Immutable and thread-safe; start from {@link #ofDefaults()} or {@link #custom()}.
 *
 * <p>Equal configurations generate equal markets.
 */
public final class SampleMarketConfig {

  /** Most jobs or workers one market may have. */
  public static final int MAX_SIZE = 5_000_000;
  /** Longest shift horizon, in days. */
  public static final int MAX_HORIZON_DAYS = 366;
  /** Earliest first day of the horizon. */
  public static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
  /** Latest first day of the horizon. */
  public static final LocalDate LATEST_START = LocalDate.of(2100, 12, 31);

  private static final SampleMarketConfig DEFAULTS = custom().build();

  private final long seed;
  private final int jobs;
  private final int workers;
  private final LocalDate start;
  private final int horizonDays;
  private final MarketShape shape;

  private SampleMarketConfig(Builder b) {
    this.seed = b.seed;
    this.jobs = Checks.intIn(b.jobs, 0, MAX_SIZE, "jobs");
    this.workers = Checks.intIn(b.workers, 0, MAX_SIZE, "workers");
    LocalDate s = Checks.required(b.start, "start");
    if (!(!s.isBefore(EARLIEST_START) && !s.isAfter(LATEST_START))) {
      throw Checks.fail("start",
          "must be within [" + EARLIEST_START + ", " + LATEST_START + "], was " + s);
    }
    this.start = s;
    this.horizonDays = Checks.intIn(b.horizonDays, 1, MAX_HORIZON_DAYS, "horizonDays");
    this.shape = Checks.required(b.shape, "shape");
  }

  /**
   * Seed 42, 1,000 jobs, 1,000 workers, a 14-day horizon from 2026-12-01 and the sample's shape,
   * {@link MarketShape#ofDefaults()} (2% remote jobs among others).
   */
  public static SampleMarketConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults of {@link #ofDefaults()}. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder pre-filled with this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .seed(seed)
        .jobs(jobs)
        .workers(workers)
        .start(start)
        .horizonDays(horizonDays)
        .shape(shape);
  }

  /** The seed every random draw derives from. */
  public long seed() {
    return seed;
  }

  /** How many jobs to generate, within [0, {@value #MAX_SIZE}]. */
  public int jobs() {
    return jobs;
  }

  /** How many workers to generate, within [0, {@value #MAX_SIZE}]. */
  public int workers() {
    return workers;
  }

  /** The first day of the shift horizon, in Asia/Tokyo. */
  public LocalDate start() {
    return start;
  }

  /** How many days, from {@link #start()}, shifts and dated availability overrides fall on. */
  public int horizonDays() {
    return horizonDays;
  }

  /** The first day after the horizon. */
  public LocalDate end() {
    return start.plusDays(horizonDays);
  }

  /** The shape of the market: where jobs and homes lie, travel limits, remote jobs, ties and more. */
  public MarketShape shape() {
    return shape;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SampleMarketConfig)) {
      return false;
    }
    SampleMarketConfig c = (SampleMarketConfig) o;
    return seed == c.seed && jobs == c.jobs && workers == c.workers && start.equals(c.start)
        && horizonDays == c.horizonDays && shape.equals(c.shape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, jobs, workers, start, horizonDays, shape);
  }

  @Override
  public String toString() {
    return "SampleMarketConfig[seed=" + seed + ", jobs=" + jobs + ", workers=" + workers + ", start=" + start
        + ", horizonDays=" + horizonDays + ", shape=" + shape + "]";
  }

  /**
   * Mutable builder of {@link SampleMarketConfig}; not thread-safe. {@link #build()} validates
   * every field.
   */
  public static final class Builder {
    private long seed = 42;
    private int jobs = 1_000;
    private int workers = 1_000;
    private @Nullable LocalDate start = LocalDate.of(2026, 12, 1);
    private int horizonDays = 14;
    private @Nullable MarketShape shape = MarketShape.ofDefaults();

    private Builder() {}

    /** Sets the seed; defaults to 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets how many jobs to generate, within [0, {@value SampleMarketConfig#MAX_SIZE}]; defaults to 1,000. */
    public Builder jobs(int jobs) {
      this.jobs = jobs;
      return this;
    }

    /** Sets how many workers to generate, within [0, {@value SampleMarketConfig#MAX_SIZE}]; defaults to 1,000. */
    public Builder workers(int workers) {
      this.workers = workers;
      return this;
    }

    /** Sets the first day of the shift horizon; defaults to 2026-12-01. */
    public Builder start(LocalDate start) {
      this.start = start;
      return this;
    }

    /** Sets the horizon length in days, within [1, {@value SampleMarketConfig#MAX_HORIZON_DAYS}]; defaults to 14. */
    public Builder horizonDays(int horizonDays) {
      this.horizonDays = horizonDays;
      return this;
    }

    /** Sets the shape of the market; defaults to {@link MarketShape#ofDefaults()}, the sample's. */
    public Builder shape(MarketShape shape) {
      this.shape = shape;
      return this;
    }

    /** Validates and builds; fails with an {@link IllegalArgumentException} naming the field and value. */
    public SampleMarketConfig build() {
      return new SampleMarketConfig(this);
    }
  }
}
