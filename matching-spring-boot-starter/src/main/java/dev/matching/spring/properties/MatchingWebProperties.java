package dev.matching.spring.properties;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API, under {@code matching.web.*} (cross-origin access under
 * {@code matching.web.cors.*}). Bound by {@code MatchingWebAutoConfiguration}; the defaults are
 * the starter's own. An immutable record, bound through its constructor, so safe to share between
 * threads.
 *
 * @param enabled Whether the REST API is served (in a web application).
 * @param maxBulkRecords Most records one bulk import request may carry.
 * @param maxBodySize Largest request body accepted; larger ones are answered with 413.
 * @param rejectUnknownProperties Whether JSON bodies with properties the API does not know are rejected (400).
 * @param recommendationsLiveFallback Whether stored recommendations are ranked live when the result store fails
 *     (Redis down): the service degrades instead of answering 503.
 * @param cors Cross-origin access to the API.
 * @param cursorSecret Secret (at least 16 characters, the same on every node) from which the key sealing paging
 *     cursors is derived. When unset, a random key per process: cursors then do not survive a restart and are
 *     not accepted by other nodes.
 */
@ConfigurationProperties(prefix = "matching.web")
public record MatchingWebProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("10000") int maxBulkRecords,
    @DefaultValue("10MB") DataSize maxBodySize,
    @DefaultValue("true") boolean rejectUnknownProperties,
    @DefaultValue("true") boolean recommendationsLiveFallback,
    @DefaultValue Cors cors,
    @Nullable String cursorSecret) {

  /**
   * Cross-origin resource sharing for browsers calling /api from other origins, under
   * {@code matching.web.cors.*}: all of it with its defaults when none of its keys is set.
   *
   * @param allowedOrigins Origins allowed to call the API from a browser (e.g. https://app.example.com); none
   *     when empty.
   */
  public record Cors(@DefaultValue List<String> allowedOrigins) {
    /** Copies the origins. */
    public Cors {
      allowedOrigins = Collections.unmodifiableList(new ArrayList<>(allowedOrigins));
    }
  }
}
