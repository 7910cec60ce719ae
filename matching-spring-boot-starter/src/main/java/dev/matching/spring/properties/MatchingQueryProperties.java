package dev.matching.spring.properties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Query limits of the REST API, under {@code matching.query.*}. Bound by
 * {@code MatchingWebAutoConfiguration}, which checks the two against each other; the defaults are
 * the starter's own. An immutable record, bound through its constructor, so safe to share between
 * threads.
 *
 * @param defaultLimit Page size when a request names none.
 * @param maxLimit Largest page size a request may ask for (at most 1000).
 */
@ConfigurationProperties(prefix = "matching.query")
public record MatchingQueryProperties(
    @DefaultValue("20") int defaultLimit,
    @DefaultValue("100") int maxLimit) {}
