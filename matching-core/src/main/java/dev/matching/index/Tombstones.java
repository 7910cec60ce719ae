package dev.matching.index;

/**
 * A persistent (copy-on-write) bit set marking deleted positions of a segment: setting a bit
 * returns a new set that shares every untouched chunk. Immutable and thread-safe.
 */
final class Tombstones {
  private static final int CHUNK_BITS = 4096;
  private static final int CHUNK_LONGS = CHUNK_BITS / 64;
  private static final long[][] NO_CHUNKS = new long[0][];

  private final long[][] chunks;
  private final int count;

  private Tombstones(long[][] chunks, int count) {
    this.chunks = chunks;
    this.count = count;
  }

  static Tombstones none(int size) {
    return new Tombstones(size == 0 ? NO_CHUNKS : new long[(size + CHUNK_BITS - 1) / CHUNK_BITS][], 0);
  }

  boolean isDeleted(int pos) {
    long[] c = chunks[pos / CHUNK_BITS];
    return c != null && (c[(pos % CHUNK_BITS) >>> 6] & (1L << (pos & 63))) != 0;
  }

  /** Number of deleted positions. */
  int count() {
    return count;
  }

  /** A copy with {@code pos} deleted (this one when it already is). */
  Tombstones delete(int pos) {
    if (isDeleted(pos)) {
      return this;
    }
    long[][] next = chunks.clone();
    int ci = pos / CHUNK_BITS;
    long[] c = next[ci] == null ? new long[CHUNK_LONGS] : next[ci].clone();
    c[(pos % CHUNK_BITS) >>> 6] |= 1L << (pos & 63);
    next[ci] = c;
    return new Tombstones(next, count + 1);
  }
}
