/**
 * JMH benchmarks of the matching indexes against a brute-force loop over the core's scoring
 * kernel and against Apache Lucene, plus the CI performance guard ({@link
 * dev.matching.benchmarks.CiGuard}) and the memory report ({@link
 * dev.matching.benchmarks.MemoryFootprint}).
 */
package dev.matching.benchmarks;
