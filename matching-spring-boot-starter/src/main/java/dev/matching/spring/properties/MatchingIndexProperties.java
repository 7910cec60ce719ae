package dev.matching.spring.properties;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-memory indexes, under {@code matching.index.*}. Bound by
 * {@code MatchingAutoConfiguration}. The availability window's default is core's
 * {@code WorkerIndex.DEFAULT_WINDOW} (checked by a test). An immutable record, bound through its
 * constructor, so safe to share between threads.
 *
 * @param availabilityWindow How far ahead worker availabilities are pre-expanded for fast pruning.
 * @param refreshInterval How often the indexes apply changes other nodes wrote to the shared store; 0 disables.
 */
@ConfigurationProperties(prefix = "matching.index")
public record MatchingIndexProperties(
    @DefaultValue("62d") Duration availabilityWindow,
    @DefaultValue("1s") Duration refreshInterval) {}
