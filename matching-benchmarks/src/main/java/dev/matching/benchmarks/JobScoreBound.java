package dev.matching.benchmarks;

import dev.matching.model.Worker;
import dev.matching.model.internal.Haversine;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.lucene.geo.GeoEncodingUtils;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The Lucene-side score of a job for one worker, from doc values: the policy's weighted mean of
 * the Gaussian distance decay (1 for remote jobs), the level-adjusted share of preferred-skill
 * weight, the pay decay, and an upper bound of schedule coverage from hour-of-week slots, which
 * is all Lucene can compute of it. Missing data scores as the policy says. An upper bound of the
 * engine's score, or {@link #EXCLUDED} when the coverage bound is below the policy's minimum.
 */
final class JobScoreBound extends DoubleValuesSource {

  /** The value of a job the bound proves excluded (schedule coverage below the minimum). */
  static final float EXCLUDED = 0f;
  /** Bytes of one preferred skill in the {@code pref} doc values: ordinal, level, share. */
  static final int PREFERRED_ENTRY_BYTES = 2 + 1 + 8;

  private final ScoringPolicy policy;
  private final Worker worker;
  private final byte[] levelByOrdinal;
  private final boolean @Nullable [] availableSlots;

  JobScoreBound(ScoringPolicy policy, Worker worker, Map<String, Integer> skillOrdinals,
      boolean @Nullable [] availableSlots) {
    this.policy = policy;
    this.worker = worker;
    this.availableSlots = availableSlots;
    this.levelByOrdinal = new byte[skillOrdinals.size()];
    skillOrdinals.forEach((skill, ordinal) -> levelByOrdinal[ordinal] = (byte) worker.level(skill));
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedNumericDocValues locations = DocValues.getSortedNumeric(ctx.reader(), "loc");
    NumericDocValues pays = DocValues.getNumeric(ctx.reader(), "pay");
    BinaryDocValues preferred = DocValues.getBinary(ctx.reader(), "pref");
    BinaryDocValues slots = DocValues.getBinary(ctx.reader(), "slots");
    boolean hasHome = worker.home() != null;
    double lat = hasHome ? worker.home().latitude() : Double.NaN;
    double lng = hasHome ? worker.home().longitude() : Double.NaN;
    boolean hasDesiredPay = worker.desiredPay() != null;
    int desiredPay = hasDesiredPay ? worker.desiredPay().minHourlyYen() : 0;
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        double distance;
        if (!locations.advanceExact(doc)) {
          distance = 1.0;
        } else if (!hasHome) {
          distance = policy.missingData(Factor.DISTANCE).score();
        } else {
          long encoded = locations.nextValue();
          double jobLat = GeoEncodingUtils.decodeLatitude((int) (encoded >>> 32));
          double jobLng = GeoEncodingUtils.decodeLongitude((int) encoded);
          distance = policy.distanceDecay().score(Haversine.km(lat, lng, jobLat, jobLng));
        }
        double pay = policy.missingData(Factor.PAY).score();
        if (hasDesiredPay && pays.advanceExact(doc)) {
          pay = policy.payDecay().score((int) pays.longValue(), desiredPay);
        }
        double skills = preferred.advanceExact(doc)
            ? skillShare(preferred.binaryValue())
            : policy.missingData(Factor.SKILLS).score();
        double schedule = policy.missingData(Factor.SCHEDULE).score();
        if (availableSlots != null && slots.advanceExact(doc)) {
          schedule = HourOfWeek.coverageBound(slots.binaryValue(), availableSlots);
          if (schedule < policy.minScheduleCoverage()) {
            value = EXCLUDED;
            return true;
          }
        }
        value = policy.total(distance, skills, schedule, pay);
        return true;
      }
    };
  }

  private double skillShare(BytesRef ref) {
    ByteBuffer entries = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    double share = 0;
    while (entries.hasRemaining()) {
      int ordinal = entries.getShort();
      int want = entries.get();
      double weightShare = entries.getDouble();
      int have = levelByOrdinal[ordinal];
      share += weightShare * (have >= want ? 1.0 : (double) have / want);
    }
    return Math.min(1.0, share);
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public String toString() {
    return "JobScoreBound(" + worker.id() + ")";
  }
}
