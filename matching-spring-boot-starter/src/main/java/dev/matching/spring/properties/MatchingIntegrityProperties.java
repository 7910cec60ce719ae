package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data integrity check, under {@code matching.integrity.*}. Bound by
 * {@code MatchingLifecycleAutoConfiguration}. The defaults are core's
 * {@code IntegrityCheckConfig.ofDefaults()} (checked by a test). An immutable record, bound
 * through its constructor, so safe to share between threads.
 *
 * @param sampleSize How many ids each finding of the report lists as its sample (the count is always complete).
 * @param stalledAfter How long an active batch run may go without a live partition lease before it is reported
 *     as stalled.
 */
@ConfigurationProperties(prefix = "matching.integrity")
public record MatchingIntegrityProperties(
    @DefaultValue("20") int sampleSize,
    @DefaultValue("1h") Duration stalledAfter) {}
