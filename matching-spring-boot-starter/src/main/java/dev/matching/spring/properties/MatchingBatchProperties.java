package dev.matching.spring.properties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The daily matching batch, under {@code matching.batch.*}. Bound by
 * {@code MatchingBatchAutoConfiguration}, and by {@code MatchingJdbcAutoConfiguration}, which
 * checks the PostgreSQL timeouts against the lease while the batch is on. The defaults of the
 * schedule and of the batch's work are core's ({@code DailySchedule.ofDefaults()},
 * {@code BatchConfig.ofDefaults()}; checked by a test). An immutable record, bound through its
 * constructor, so safe to share between threads.
 *
 * @param enabled Whether this node runs batch work (triggered runs and, if enabled, the schedule).
 * @param scheduleEnabled Whether the daily run is triggered on schedule (otherwise only by the API).
 * @param scheduleTime Local time of the daily run.
 * @param scheduleZone Zone the schedule time is read in.
 * @param topN Matches stored per worker and per job.
 * @param partitions Partitions per direction.
 * @param leaseDuration How long a claimed partition stays leased without a heartbeat.
 * @param heartbeatInterval How often the lease of the partition in progress is renewed (at most half the lease).
 * @param pollInterval How often the node looks for claimable work and due schedules.
 * @param threads Partitions this node works on at once.
 * @param nodeId This node's name in leases; {@code <pid>@<host>} when unset.
 */
@ConfigurationProperties(prefix = "matching.batch")
public record MatchingBatchProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean scheduleEnabled,
    @DefaultValue("03:00") LocalTime scheduleTime,
    @DefaultValue("Asia/Tokyo") ZoneId scheduleZone,
    @DefaultValue("50") int topN,
    @DefaultValue("32") int partitions,
    @DefaultValue("60s") Duration leaseDuration,
    @DefaultValue("15s") Duration heartbeatInterval,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("1") int threads,
    @Nullable String nodeId) {}
