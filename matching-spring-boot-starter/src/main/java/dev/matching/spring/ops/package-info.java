/**
 * Operations of the matching service: maintenance mode, the plain {@code /health} check, the
 * admin endpoints (maintenance, system information, personal-data erasure), AUDIT log events, and
 * {@link dev.matching.spring.ops.PeriodicTask}, the base of the background tasks (the retention
 * schedule, the index refresher).
 */
@NullMarked
package dev.matching.spring.ops;

import org.jspecify.annotations.NullMarked;
