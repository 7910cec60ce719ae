package dev.matching.index;

import org.jspecify.annotations.Nullable;

/**
 * Compares the entries of a segment being built by id ({@link String#compareTo}), mostly without
 * reading the strings. Input in id order (as the stores deliver it) is detected in one pass, and
 * then an entry's number is its rank. Otherwise each id gets a 64-bit key of the four chars that
 * follow the prefix all ids share, compared first, and only equal keys read the ids. Either way
 * the strings are read in one sequential pass, not scattered over the sorts that follow.
 * Immutable; used while building only.
 */
final class IdOrder {
  private final String[] ids;
  /** The rank of each entry, or null when ranked by key; with both null the entry's number is its rank. */
  private final int @Nullable [] ranks;
  private final long @Nullable [] keys;

  private IdOrder(String[] ids, int @Nullable [] ranks, long @Nullable [] keys) {
    this.ids = ids;
    this.ranks = ranks;
    this.keys = keys;
  }

  /** The order of {@code ids}, entries numbered as in the array. */
  static IdOrder of(String[] ids) {
    boolean ascending = true;
    for (int i = 1; i < ids.length && ascending; i++) {
      ascending = ids[i - 1].compareTo(ids[i]) < 0;
    }
    if (ascending) {
      return new IdOrder(ids, null, null);
    }
    int prefix = ids.length < 2 ? 0 : Integer.MAX_VALUE;
    for (int i = 1; i < ids.length && prefix > 0; i++) {
      prefix = Math.min(prefix, commonPrefix(ids[0], ids[i], prefix));
    }
    long[] keys = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      keys[i] = key(ids[i], prefix);
    }
    return new IdOrder(ids, null, keys);
  }

  /** The same order with entries renumbered: entry {@code i} of the result is entry {@code order[i]} here. */
  IdOrder permuted(int[] order) {
    String[] p = new String[order.length];
    for (int i = 0; i < order.length; i++) {
      p[i] = ids[order[i]];
    }
    if (keys != null) {
      long[] k = new long[order.length];
      for (int i = 0; i < order.length; i++) {
        k[i] = keys[order[i]];
      }
      return new IdOrder(p, null, k);
    }
    int[] r = order.clone();
    if (ranks != null) {
      for (int i = 0; i < order.length; i++) {
        r[i] = ranks[order[i]];
      }
    }
    return new IdOrder(p, r, null);
  }

  /** Compares the ids of entries {@code a} and {@code b} as {@link String#compareTo} does. */
  int compare(int a, int b) {
    if (keys != null) {
      int c = Long.compareUnsigned(keys[a], keys[b]);
      return c != 0 ? c : ids[a].compareTo(ids[b]);
    }
    return ranks != null ? Integer.compare(ranks[a], ranks[b]) : Integer.compare(a, b);
  }

  private static int commonPrefix(String a, String b, int limit) {
    int n = Math.min(limit, Math.min(a.length(), b.length()));
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * Chars {@code from} to {@code from + 3}, 16 bits each, missing ones as 0. When two keys
   * differ, the ids compare as the keys do (unsigned): they share the first {@code from} chars,
   * and a missing char (0) ranks before any present one but a NUL, which only makes keys equal.
   */
  private static long key(String id, int from) {
    long k = 0;
    for (int i = from; i < from + 4; i++) {
      k = (k << 16) | (i < id.length() ? id.charAt(i) : 0);
    }
    return k;
  }
}
