package dev.matching.spring.properties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The command-line task, {@code matching.task}: the one property directly under
 * {@code matching.*}. Bound by {@code MatchingLifecycleAutoConfiguration}, which provides the
 * task. Unset by default (serve). An immutable record, bound through its constructor, so safe to
 * share between threads.
 *
 * @param task A command-line task to run instead of serving: {@code integrity-check} runs the data
 *     integrity check, prints its JSON report and exits (0 clean, 1 findings); unset: serve.
 */
@ConfigurationProperties(prefix = "matching")
public record MatchingTaskProperties(@Nullable String task) {}
