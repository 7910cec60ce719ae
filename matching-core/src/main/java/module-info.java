/**
 * matching-core: the engine, its domain, indexes, SPIs with in-memory implementations, the batch
 * and the data life cycle. Depends on the JDK only (JSpecify's annotations at compile time).
 *
 * <p>Every package is exported except the two {@code internal} ones (the scoring kernel, its
 * columnar layout and the argument checks), which only the project's own modules may use.
 */
module dev.matching.core {
  requires static transitive org.jspecify;
  requires java.management;

  exports dev.matching;
  exports dev.matching.assignment;
  exports dev.matching.batch;
  exports dev.matching.index;
  exports dev.matching.lifecycle;
  exports dev.matching.model;
  exports dev.matching.query;
  exports dev.matching.sample;
  exports dev.matching.scoring;
  exports dev.matching.spi;
  exports dev.matching.spi.memory;
  exports dev.matching.spi.support;

  exports dev.matching.model.internal to
      dev.matching.jdbc, dev.matching.redis, dev.matching.spring, dev.matching.testkit, dev.matching.benchmarks;
  exports dev.matching.scoring.internal to dev.matching.benchmarks;
}
