package dev.matching.scoring;

import dev.matching.model.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * One reason a pair is excluded, with the factor concerned (if any) and a human-readable
 * detail such as {@code "23.4 km is beyond the worker's limit of 10.0 km"}. Immutable.
 *
 * @param reason machine-readable reason
 * @param factor the factor concerned, or null
 * @param detail human-readable detail
 */
public record Rejection(RejectionReason reason, @Nullable Factor factor, String detail) {
  /** Validates. */
  public Rejection {
    Checks.required(reason, "reason");
    Checks.required(detail, "detail");
  }
}
