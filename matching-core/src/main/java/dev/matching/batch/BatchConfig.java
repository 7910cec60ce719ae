package dev.matching.batch;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How the matching batch splits and runs its work. Immutable and thread-safe; built with
 * {@link #custom()} or taken as {@link #ofDefaults()}.
 */
public final class BatchConfig {
  /** Largest number of matches stored per subject. */
  public static final int MAX_TOP_N = 1000;
  /** Largest number of partitions per direction. */
  public static final int MAX_PARTITIONS = 4096;

  private static final BatchConfig DEFAULTS = custom().build();

  private final int topN;
  private final int partitions;
  private final Set<Direction> directions;
  private final Duration leaseDuration;
  private final Duration heartbeatInterval;
  private final Duration pollInterval;
  private final int threads;
  private final String nodeId;
  private final AssignmentMode assignment;
  private final int maxOffersPerWorker;

  private BatchConfig(Builder b) {
    this.topN = Checks.intIn(b.topN, 1, MAX_TOP_N, "topN");
    this.partitions = Checks.intIn(b.partitions, 1, MAX_PARTITIONS, "partitions");
    if (b.directions.isEmpty()) {
      throw Checks.fail("directions", "must name at least one direction");
    }
    this.directions = Set.copyOf(b.directions);
    this.leaseDuration = positive(b.leaseDuration, "leaseDuration");
    this.heartbeatInterval = positive(b.heartbeatInterval, "heartbeatInterval");
    if (heartbeatInterval.multipliedBy(2).compareTo(leaseDuration) > 0) {
      throw Checks.fail("heartbeatInterval",
          "must be at most half of leaseDuration (" + leaseDuration + "), was " + heartbeatInterval);
    }
    this.pollInterval = positive(b.pollInterval, "pollInterval");
    this.threads = Checks.intIn(b.threads, 1, 256, "threads");
    this.nodeId = Checks.id(b.nodeId, "nodeId");
    this.assignment = checkAssignment(b.assignment, directions);
    this.maxOffersPerWorker = Checks.intIn(b.maxOffersPerWorker, 1, MAX_TOP_N, "maxOffersPerWorker");
  }

  /** {@code assignment}, checked against the directions a run ranks: it reads the workers' lists. */
  static AssignmentMode checkAssignment(AssignmentMode assignment, Set<Direction> directions) {
    Checks.required(assignment, "assignment");
    if (assignment != AssignmentMode.NONE && !directions.contains(Direction.JOBS_FOR_WORKER)) {
      throw Checks.fail("assignment", "needs the " + Direction.JOBS_FOR_WORKER + " direction, was " + assignment
          + " with directions " + directions);
    }
    return assignment;
  }

  private static Duration positive(Duration d, String field) {
    Checks.required(d, field);
    if (d.isNegative() || d.isZero()) {
      throw Checks.fail(field, "must be positive, was " + d);
    }
    return d;
  }

  /**
   * Top 50 per subject, 32 partitions per direction, both directions, 60 s leases renewed every
   * 15 s, polling for work every 2 s, one thread, node id {@code <pid>@<host>}, no assignment
   * (at most 3 offers per worker when one is asked for).
   */
  public static BatchConfig ofDefaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder custom() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.topN = topN;
    b.partitions = partitions;
    b.directions = EnumSet.copyOf(directions);
    b.leaseDuration = leaseDuration;
    b.heartbeatInterval = heartbeatInterval;
    b.pollInterval = pollInterval;
    b.threads = threads;
    b.nodeId = nodeId;
    b.assignment = assignment;
    b.maxOffersPerWorker = maxOffersPerWorker;
    return b;
  }

  /** Matches stored per subject (worker or job). */
  public int topN() {
    return topN;
  }

  /** Partitions per direction; subjects are spread over them by a hash of their id. */
  public int partitions() {
    return partitions;
  }

  /** Which rankings a run computes. */
  public Set<Direction> directions() {
    return directions;
  }

  /** How long a claimed partition stays leased without a heartbeat. */
  public Duration leaseDuration() {
    return leaseDuration;
  }

  /** How often a node renews the lease of the partition it works on. */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** How often a started batch looks for claimable work and due schedules. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Partitions worked on at once by this node. */
  public int threads() {
    return threads;
  }

  /** This node's name in leases. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * The assignment runs triggered with this configuration end with; {@link AssignmentMode#NONE}
   * by default.
   */
  public AssignmentMode assignment() {
    return assignment;
  }

  /** Offers a worker may receive in a run's assignment (its capacity); 3 by default. */
  public int maxOffersPerWorker() {
    return maxOffersPerWorker;
  }

  @Override
  public String toString() {
    return "BatchConfig[topN=" + topN + ", partitions=" + partitions + ", directions=" + directions
        + ", leaseDuration=" + leaseDuration + ", heartbeatInterval=" + heartbeatInterval
        + ", pollInterval=" + pollInterval + ", threads=" + threads + ", nodeId=" + nodeId
        + ", assignment=" + assignment + ", maxOffersPerWorker=" + maxOffersPerWorker + "]";
  }

  /** Builds a {@link BatchConfig}. Not thread-safe. */
  public static final class Builder {
    private int topN = 50;
    private int partitions = 32;
    private Set<Direction> directions = EnumSet.allOf(Direction.class);
    private Duration leaseDuration = Duration.ofSeconds(60);
    private Duration heartbeatInterval = Duration.ofSeconds(15);
    private Duration pollInterval = Duration.ofSeconds(2);
    private int threads = 1;
    private String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private AssignmentMode assignment = AssignmentMode.NONE;
    private int maxOffersPerWorker = 3;

    private Builder() {}

    /** Matches stored per subject, in [1, {@value #MAX_TOP_N}]. */
    public Builder topN(int topN) {
      this.topN = topN;
      return this;
    }

    /** Partitions per direction, in [1, {@value #MAX_PARTITIONS}]. */
    public Builder partitions(int partitions) {
      this.partitions = partitions;
      return this;
    }

    /** Which rankings a run computes; at least one. */
    public Builder directions(Set<Direction> directions) {
      Set<Direction> copy = EnumSet.noneOf(Direction.class);
      copy.addAll(Checks.listOf(directions, "directions"));
      this.directions = copy;
      return this;
    }

    /** Lease length; positive. */
    public Builder leaseDuration(Duration d) {
      this.leaseDuration = d;
      return this;
    }

    /** Heartbeat period; positive and at most half the lease. */
    public Builder heartbeatInterval(Duration d) {
      this.heartbeatInterval = d;
      return this;
    }

    /** Polling period of a started batch; positive. */
    public Builder pollInterval(Duration d) {
      this.pollInterval = d;
      return this;
    }

    /** Partitions worked on at once by this node, in [1, 256]. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /** This node's name in leases. */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /**
     * The assignment triggered runs end with; anything but {@link AssignmentMode#NONE} needs the
     * {@link Direction#JOBS_FOR_WORKER} direction.
     */
    public Builder assignment(AssignmentMode assignment) {
      this.assignment = assignment;
      return this;
    }

    /** Offers per worker in a run's assignment, in [1, {@value #MAX_TOP_N}]. */
    public Builder maxOffersPerWorker(int maxOffersPerWorker) {
      this.maxOffersPerWorker = maxOffersPerWorker;
      return this;
    }

    /** Validates and builds. */
    public BatchConfig build() {
      return new BatchConfig(this);
    }
  }
}
