#!/usr/bin/env bash
# CI performance guard: top-20 jobs at 100,000 jobs, JobIndex vs the brute-force loops over the
# core's scoring kernel, measured in the same short JMH run (5 forks per benchmark, 10 x 1 s
# warm-up, 4 x 1 s measurement; about four and a half minutes). Prints means, medians and ratios
# and exits 1 when the index is not at least 10x faster than the plain loop on the median (or 5x
# on the mean), 2 when it could not measure (docs/performance.md, "CI guard").
#
# This script builds nothing. Build the shaded jar first, from the repository root:
#   ./mvnw -B -ntp -pl matching-benchmarks -am package -DskipTests
# then run:
#   matching-benchmarks/ci-guard.sh [shape]
# where the optional shape is one of dev.matching.benchmarks.MarketShapes (SAMPLE, the default,
# DENSE_METRO, WIDE_REACH, REMOTE_HEAVY, TIE_HEAVY). CI runs it without one and with REMOTE_HEAVY;
# a shape other than SAMPLE has lower thresholds of its own (CiGuard.minMedianSpeedup).
# JAVA (default: java on the PATH) selects the JVM.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "ci-guard: $jar not found; build it with: ./mvnw -B -ntp -pl matching-benchmarks -am package -DskipTests" >&2
  exit 2
fi
# The run is a ratio within one JVM, so another JMH run on the machine (a developer benchmarking
# beside CI) slows both sides alike; do not refuse to run because of its lock file.
exec "${JAVA:-java}" -Djmh.ignoreLock=true -cp "$jar" dev.matching.benchmarks.CiGuard "$@"
