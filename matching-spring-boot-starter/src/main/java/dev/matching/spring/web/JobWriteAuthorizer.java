package dev.matching.spring.web;

import org.jspecify.annotations.Nullable;

/**
 * Object-level authorization of job writes ({@code PUT} and {@code DELETE /jobs/{id}}): called
 * before the store is touched, throws {@link ForbiddenException} when the caller may not write
 * this job. Without security every write is allowed ({@link #ALLOW_ALL}).
 */
@FunctionalInterface
public interface JobWriteAuthorizer {
  /** Allows every write. */
  JobWriteAuthorizer ALLOW_ALL = (jobId, storedEmployerId, newEmployerId) -> { };

  /**
   * Checks a write of job {@code jobId}.
   *
   * @param storedEmployerId the employer of the stored job, null when the job does not exist
   * @param newEmployerId the employer in the request body, null for a delete or when absent
   */
  void check(String jobId, @Nullable String storedEmployerId, @Nullable String newEmployerId);
}
