package dev.matching.spring.security;

import dev.matching.spring.web.ForbiddenException;
import dev.matching.spring.web.JobWriteAuthorizer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Object-level authorization of job writes: a client key may create, replace or delete only
 * jobs whose {@code employer_id} is its own, and may not move a job to another employer.
 * Operators and admins may write any job.
 */
public final class EmployerJobWriteAuthorizer implements JobWriteAuthorizer {

  @Override
  public void check(String jobId, @Nullable String storedEmployerId, @Nullable String newEmployerId) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
      throw new IllegalStateException("job writes are only authorized within an HTTP request");
    }
    ApiPrincipal principal = (ApiPrincipal) attributes.getAttribute(ApiPrincipal.ATTRIBUTE,
        RequestAttributes.SCOPE_REQUEST);
    if (principal == null) {
      throw new IllegalStateException("no authenticated principal on a secured request");
    }
    if (principal.role() != ApiRole.CLIENT) {
      return;
    }
    String own = principal.employerId();
    boolean foreignStored = storedEmployerId != null && !Objects.equals(storedEmployerId, own);
    boolean foreignNew = newEmployerId != null && !Objects.equals(newEmployerId, own);
    if (foreignStored || foreignNew) {
      SecurityEvents.denied(attributes.getRequest(), principal, "employer");
      throw new ForbiddenException("job " + jobId + " belongs to another employer; this key may only write jobs of employer "
          + own);
    }
  }
}
