package dev.matching.examples.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample market loaded at startup ({@code sample.*}); off when both sizes are 0. Bound by
 * {@code ReferenceApp}'s {@code @EnableConfigurationProperties}; the defaults are the reference
 * app's own. An immutable record, bound through its constructor, so safe to share between threads.
 *
 * @param jobs Jobs to generate when the job store is empty.
 * @param workers Workers to generate when the worker store is empty.
 * @param seed Seed of the generator.
 */
@ConfigurationProperties(prefix = "sample")
public record SampleDataProperties(
    @DefaultValue("100000") int jobs,
    @DefaultValue("50000") int workers,
    @DefaultValue("42") long seed) {}
