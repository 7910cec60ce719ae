package dev.matching.assignment;

/**
 * One chosen edge of an {@link Assignment}: {@code workerId} is offered {@code jobId}, with the
 * edge's score from the {@link AssignmentProblem}.
 *
 * <p>Immutable and thread-safe.
 */
public record AssignedEdge(String workerId, String jobId, double score) {}
