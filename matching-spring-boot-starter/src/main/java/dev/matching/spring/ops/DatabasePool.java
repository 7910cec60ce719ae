package dev.matching.spring.ops;

import java.util.Map;

/** Connection pool figures of the application's database, for the system information. */
@FunctionalInterface
public interface DatabasePool {
  /** Figures such as {@code active}, {@code idle}, {@code total}, {@code max}, {@code waiting}. */
  Map<String, Object> stats();
}
