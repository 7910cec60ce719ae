/**
 * Operations of the matching service: maintenance mode, the plain {@code /health} check, the
 * admin endpoints (maintenance, system information, personal-data erasure) and AUDIT log events.
 */
@NullMarked
package dev.matching.spring.ops;

import org.jspecify.annotations.NullMarked;
