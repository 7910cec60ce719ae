package dev.matching.spring.properties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retention of stored data, under {@code matching.retention.*}. An age of 0 keeps that kind
 * forever. The run is idempotent, so scheduling it on every node is harmless. Bound by
 * {@code MatchingLifecycleAutoConfiguration}. The default ages are core's
 * {@code RetentionPolicy.ofDefaults()} (checked by a test). An immutable record, bound through its
 * constructor, so safe to share between threads.
 *
 * @param enabled Whether the retention task runs daily on this node (it can always be run by the admin endpoint).
 * @param time Local time of the daily retention run.
 * @param zone Zone the retention time is read in.
 * @param batchRuns Age after which finished batch runs are deleted (0: never).
 * @param matchResults Age after which stored match lists are deleted, the published generation's included
 *     (0: never).
 * @param inactiveWorkers Inactivity (time since the last write) after which a worker's personal data is erased
 *     (0: never).
 */
@ConfigurationProperties(prefix = "matching.retention")
public record MatchingRetentionProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("04:00") LocalTime time,
    @DefaultValue("Asia/Tokyo") ZoneId zone,
    @DefaultValue("365d") Duration batchRuns,
    @DefaultValue("30d") Duration matchResults,
    @DefaultValue("1095d") Duration inactiveWorkers) {}
