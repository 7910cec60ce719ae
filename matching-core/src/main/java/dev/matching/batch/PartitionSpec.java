package dev.matching.batch;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;

/**
 * One partition of a run: the subjects of {@code direction} whose id hashes to {@code bucket}
 * out of {@code buckets}. Written to the run store as {@code DIRECTION:bucket/buckets}.
 */
record PartitionSpec(Direction direction, int bucket, int buckets) {

  static PartitionSpec parse(String spec) {
    int colon = spec.indexOf(':');
    int slash = spec.indexOf('/');
    if (colon < 0 || slash < colon) {
      throw Checks.fail("partition spec", "expected DIRECTION:bucket/buckets, was \"" + spec + "\"");
    }
    Direction direction;
    int bucket;
    int buckets;
    try {
      direction = Direction.valueOf(spec.substring(0, colon));
      bucket = Integer.parseInt(spec.substring(colon + 1, slash));
      buckets = Integer.parseInt(spec.substring(slash + 1));
    } catch (IllegalArgumentException e) { // NumberFormatException too
      throw Checks.fail("partition spec", "expected DIRECTION:bucket/buckets, was \"" + spec + "\"");
    }
    if (buckets < 1 || bucket < 0 || bucket >= buckets) {
      throw Checks.fail("partition spec", "bucket out of range, was \"" + spec + "\"");
    }
    return new PartitionSpec(direction, bucket, buckets);
  }

  /** Whether {@code id} belongs to this partition; stable across JVMs (String.hashCode is specified). */
  boolean contains(String id) {
    return bucketOf(id, buckets) == bucket;
  }

  static int bucketOf(String id, int buckets) {
    int h = id.hashCode() * 0x9E3779B9;
    return Math.floorMod(h ^ (h >>> 16), buckets);
  }

  @Override
  public String toString() {
    return direction.name() + ":" + bucket + "/" + buckets;
  }
}
