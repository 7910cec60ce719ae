package dev.matching.sample;

import dev.matching.model.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Picks items at random in proportion to their weights. Immutable and thread-safe. */
final class Weighted<T> {

  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, ToDoubleFunction<? super T> weight) {
    if (items.isEmpty()) {
      throw Checks.fail("items", "must not be empty");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[items.size()];
    double sum = 0;
    for (int i = 0; i < items.size(); i++) {
      sum += weight.applyAsDouble(items.get(i));
      cumulative[i] = sum;
    }
  }

  /** An item drawn with probability proportional to its weight. */
  T pick(SplittableRandom r) {
    return items.get(pickIndex(r));
  }

  /** The index of an item drawn with probability proportional to its weight. */
  int pickIndex(SplittableRandom r) {
    double x = r.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, x);
    int index = i >= 0 ? i + 1 : -i - 1;
    return Math.min(index, items.size() - 1);
  }

  /** The item at {@code index}. */
  T get(int index) {
    return items.get(index);
  }

  /** How many items there are. */
  int size() {
    return items.size();
  }
}
