package dev.matching.index;

/**
 * Stable merge sorts of primitive arrays with a comparator, without boxing: used to order
 * tied ranges by their smallest id. Stateless and thread-safe.
 */
final class PrimitiveSort {

  /** Compares two longs. */
  interface LongComparator {
    int compare(long a, long b);
  }

  private static final int INSERTION = 16;

  private PrimitiveSort() {}

  /** Sorts {@code a[from, to)} stably by {@code c}. */
  static void sort(long[] a, int from, int to, LongComparator c) {
    if (to - from < 2) {
      return;
    }
    long[] tmp = new long[to - from];
    sort(a, tmp, from, to, c);
  }

  private static void sort(long[] a, long[] tmp, int from, int to, LongComparator c) {
    if (to - from <= INSERTION) {
      for (int i = from + 1; i < to; i++) {
        long x = a[i];
        int j = i - 1;
        while (j >= from && c.compare(a[j], x) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(a, tmp, from, mid, c);
    sort(a, tmp, mid, to, c);
    if (c.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, 0, mid - from);
    int i = 0;
    int iEnd = mid - from;
    int j = mid;
    int k = from;
    while (i < iEnd && j < to) {
      a[k++] = c.compare(a[j], tmp[i]) < 0 ? a[j++] : tmp[i++];
    }
    while (i < iEnd) {
      a[k++] = tmp[i++];
    }
  }
}
