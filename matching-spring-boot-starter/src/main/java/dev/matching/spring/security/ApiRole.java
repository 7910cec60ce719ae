package dev.matching.spring.security;

import java.util.Locale;

/**
 * What an API key may do. Roles are ordered, and the order is Spring Security's role hierarchy
 * ({@link ApiSecurity#roleHierarchy()}): each includes everything the roles below it may do.
 * <ul>
 *   <li>{@link #CLIENT}: reads of jobs, matching, search, and writes to the jobs of its own employer;
 *   <li>{@link #OPERATOR}: also workers (personal data), bulk imports, any job, and the batch endpoints;
 *   <li>{@link #ADMIN}: also the admin endpoints (maintenance, system information, personal-data
 *       erasure, retention, integrity check) and the actuator endpoints other than health.
 * </ul>
 */
public enum ApiRole {
  /** An employer's integration. */
  CLIENT,
  /** The platform's back office and batch operations. */
  OPERATOR,
  /** Operations staff. */
  ADMIN;

  /** Whether this role may do what {@code required} may do. */
  public boolean includes(ApiRole required) {
    return compareTo(required) >= 0;
  }

  /** The role's name in properties and logs (lower case). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Spring Security authority of the role: {@code ROLE_} and its name. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role named {@code label} (case-insensitive). */
  public static ApiRole of(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
