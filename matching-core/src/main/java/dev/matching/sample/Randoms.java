package dev.matching.sample;

import dev.matching.model.GeoPoint;
import java.util.SplittableRandom;

/**
 * The random draws of the sample generators. Each entity gets its own {@link SplittableRandom}
 * seeded from (seed, stream, index), so entity {@code i} is the same whatever the market size.
 * Only {@link SplittableRandom} (pure Java) and {@link StrictMath} (bit-exact) are used, so the
 * results are the same on every platform.
 */
final class Randoms {

  /** Kilometres per degree of latitude (and of longitude at the equator). */
  private static final double KM_PER_DEGREE = 111.32;
  private static final double COORDINATE_STEP = 1e6;

  private Randoms() {}

  /** A generator for entity {@code index} of {@code stream}, independent of every other entity. */
  static SplittableRandom forEntity(long seed, long stream, long index) {
    long h = finalizeHash(seed ^ finalizeHash(stream));
    return new SplittableRandom(finalizeHash(h + index * 0x9E3779B97F4A7C15L));
  }

  /**
   * The entity that entity {@code index} copies, with the chance {@code share} of being a copy
   * (of an earlier one drawn uniformly, itself possibly a copy): {@code index} itself when it is
   * not. Depends on (seed, stream, index) alone, so every entity can still be built on its own.
   */
  static int original(long seed, long stream, int index, double share) {
    int i = index;
    while (share > 0 && i > 0) {
      SplittableRandom d = forEntity(seed, stream, i);
      if (!chance(d, share)) {
        break;
      }
      i = d.nextInt(i);
    }
    return i;
  }

  /** True with probability {@code p}. */
  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** A standard normal draw (Box-Muller). */
  static double gaussian(SplittableRandom r) {
    double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - r.nextDouble()));
    return radius * StrictMath.cos(2 * StrictMath.PI * r.nextDouble());
  }

  /** An exponential draw with the given mean. */
  static double exponential(SplittableRandom r, double mean) {
    return -mean * StrictMath.log(1 - r.nextDouble());
  }

  /** {@code count} distinct numbers in {@code [0, bound)}, in the order drawn; needs {@code count <= bound}. */
  static int[] distinct(SplittableRandom r, int count, int bound) {
    int[] picked = new int[count];
    for (int n = 0; n < count; ) {
      int candidate = r.nextInt(bound);
      if (!contains(picked, n, candidate)) {
        picked[n++] = candidate;
      }
    }
    return picked;
  }

  /**
   * {@code count} of the days set in {@code dayMask} (see {@link Horizon}), chosen at random, as
   * a mask; all of them when the mask has no more than {@code count}.
   */
  static int days(SplittableRandom r, int dayMask, int count) {
    int remaining = dayMask;
    int picked = 0;
    for (int n = 0; n < count && remaining != 0; n++) {
      int skip = r.nextInt(Integer.bitCount(remaining));
      int bit = Integer.lowestOneBit(remaining);
      for (int i = 0; i < skip; i++) {
        bit = Integer.lowestOneBit(remaining & ~(bit | (bit - 1)));
      }
      picked |= bit;
      remaining &= ~bit;
    }
    return picked;
  }

  /**
   * A point scattered around {@code place} by an isotropic Gaussian whose standard deviation
   * is the place's spread times {@code spreadFactor}; rounded to 1e-6 degrees (about 0.1 m).
   */
  static GeoPoint scatter(JapanPlace place, double spreadFactor, SplittableRandom r) {
    return scatter(place.center(), place.spreadKm() * spreadFactor, r);
  }

  /**
   * A point scattered around {@code c} by an isotropic Gaussian whose standard deviation is
   * {@code sigmaKm}; rounded to 1e-6 degrees (about 0.1 m) and clamped to valid coordinates.
   */
  static GeoPoint scatter(GeoPoint c, double sigmaKm, SplittableRandom r) {
    double radiusKm = sigmaKm * StrictMath.sqrt(-2 * StrictMath.log(1 - r.nextDouble()));
    double angle = 2 * StrictMath.PI * r.nextDouble();
    double cosLat = StrictMath.cos(StrictMath.toRadians(c.latitude()));
    double lat = c.latitude() + radiusKm * StrictMath.cos(angle) / KM_PER_DEGREE;
    double lng = c.longitude() + radiusKm * StrictMath.sin(angle) / (KM_PER_DEGREE * cosLat);
    return GeoPoint.of(round(clamp(lat, -90, 90)), round(clamp(lng, -180, 180)));
  }

  private static boolean contains(int[] values, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static double clamp(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  private static double round(double degrees) {
    return Math.rint(degrees * COORDINATE_STEP) / COORDINATE_STEP;
  }

  /** The MurmurHash3 64-bit finalizer: a bijective, well-mixing hash of a long. */
  private static long finalizeHash(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
