package dev.matching.spring.properties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily matching batch, under {@code matching.batch.*}. Bound by
 * {@code MatchingBatchAutoConfiguration}, and by {@code MatchingJdbcAutoConfiguration}, which
 * checks the PostgreSQL timeouts against the lease while the batch is on. The defaults of the
 * schedule and of the batch's work are core's ({@code DailySchedule.ofDefaults()},
 * {@code BatchConfig.ofDefaults()}; checked by a test).
 */
@ConfigurationProperties(prefix = "matching.batch")
public class MatchingBatchProperties {
  /** Whether this node runs batch work (triggered runs and, if enabled, the schedule). */
  private boolean enabled = true;
  /** Whether the daily run is triggered on schedule (otherwise only by the API). */
  private boolean scheduleEnabled = true;
  /** Local time of the daily run. */
  private LocalTime scheduleTime = LocalTime.of(3, 0);
  /** Zone the schedule time is read in. */
  private ZoneId scheduleZone = ZoneId.of("Asia/Tokyo");
  /** Matches stored per worker and per job. */
  private int topN = 50;
  /** Partitions per direction. */
  private int partitions = 32;
  /** How long a claimed partition stays leased without a heartbeat. */
  private Duration leaseDuration = Duration.ofSeconds(60);
  /** How often the lease of the partition in progress is renewed (at most half the lease). */
  private Duration heartbeatInterval = Duration.ofSeconds(15);
  /** How often the node looks for claimable work and due schedules. */
  private Duration pollInterval = Duration.ofSeconds(2);
  /** Partitions this node works on at once. */
  private int threads = 1;
  /** This node's name in leases; {@code <pid>@<host>} when unset. */
  private @Nullable String nodeId;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isScheduleEnabled() {
    return scheduleEnabled;
  }

  public void setScheduleEnabled(boolean scheduleEnabled) {
    this.scheduleEnabled = scheduleEnabled;
  }

  public LocalTime getScheduleTime() {
    return scheduleTime;
  }

  public void setScheduleTime(LocalTime scheduleTime) {
    this.scheduleTime = scheduleTime;
  }

  public ZoneId getScheduleZone() {
    return scheduleZone;
  }

  public void setScheduleZone(ZoneId scheduleZone) {
    this.scheduleZone = scheduleZone;
  }

  public int getTopN() {
    return topN;
  }

  public void setTopN(int topN) {
    this.topN = topN;
  }

  public int getPartitions() {
    return partitions;
  }

  public void setPartitions(int partitions) {
    this.partitions = partitions;
  }

  public Duration getLeaseDuration() {
    return leaseDuration;
  }

  public void setLeaseDuration(Duration leaseDuration) {
    this.leaseDuration = leaseDuration;
  }

  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  public void setHeartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public int getThreads() {
    return threads;
  }

  public void setThreads(int threads) {
    this.threads = threads;
  }

  public @Nullable String getNodeId() {
    return nodeId;
  }

  public void setNodeId(@Nullable String nodeId) {
    this.nodeId = nodeId;
  }
}
