package dev.matching.sample;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Immutable values built on first use and shared from then on, by a dense {@code int} key, so
 * a million jobs can share a few thousand titles or pay ranges. Thread-safe: every caller of a
 * key gets the same instance.
 */
final class SharedValues<T> {

  private final AtomicReferenceArray<T> values;

  SharedValues(int size) {
    this.values = new AtomicReferenceArray<>(size);
  }

  /** The value of {@code key}, created with {@code create} by the first caller. */
  T get(int key, IntFunction<? extends T> create) {
    T value = values.get(key);
    if (value == null) {
      T created = create.apply(key);
      value = values.compareAndSet(key, null, created) ? created : values.get(key);
    }
    return value;
  }
}
