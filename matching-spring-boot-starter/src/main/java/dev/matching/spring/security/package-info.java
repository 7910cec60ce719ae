/**
 * API-key security of the REST API: hashed keys with roles ({@link ApiRole}), the endpoint rules
 * ({@link AccessRules}), object-level checks of job writes, per-key rate limits, and
 * {@code matching.security} log events.
 */
@NullMarked
package dev.matching.spring.security;

import org.jspecify.annotations.NullMarked;
