package dev.matching.index;

import dev.matching.model.GeoPoint;
import dev.matching.model.Worker;
import dev.matching.model.internal.Timeline;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.SkillCatalog;
import dev.matching.scoring.internal.WorkerProfile;
import org.jspecify.annotations.Nullable;

/**
 * A worker compiled to search a {@link JobIndex} with: its profile plus what the range bounds
 * need. Internal to one search, unlike the public {@link dev.matching.query.MatchQuery} that
 * says how to search.
 */
final class WorkerProbe {
  final ScoringPolicy policy;
  final WorkerProfile profile;
  final boolean hasHome;
  final double lat;
  final double lng;
  final double maxTravelKm;
  /** Latitude degrees beyond which a point is surely out of travel reach (see the profile). */
  final double maxLatDelta;
  final long skillMask;
  final boolean hasDesiredPay;
  final boolean hardPay;
  final int desiredPay;
  final double missingPay;
  final double missingSchedule;
  final long @Nullable [] slotMask;
  final int[] slots;

  WorkerProbe(Worker worker, ScoringPolicy policy, SkillCatalog catalog, long fromEpochSecond, long toEpochSecond) {
    this.policy = policy;
    this.profile = WorkerProfile.of(worker, catalog, fromEpochSecond, toEpochSecond);
    this.hasHome = profile.hasHome();
    this.lat = profile.latitude();
    this.lng = profile.longitude();
    this.maxTravelKm = profile.maxTravelKm();
    this.maxLatDelta = Math.toDegrees(maxTravelKm / GeoPoint.EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9;
    this.skillMask = profile.skillMask();
    this.hasDesiredPay = profile.hasDesiredPay();
    this.hardPay = profile.hardPay();
    this.desiredPay = profile.desiredPay();
    this.missingPay = policy.missingData(Factor.PAY).score();
    this.missingSchedule = policy.missingData(Factor.SCHEDULE).score();
    Timeline t = profile.timeline();
    if (t == null) {
      this.slotMask = null;
      this.slots = new int[0];
    } else {
      long[] mask = HourSlots.mask(t);
      this.slotMask = mask;
      int n = Long.bitCount(mask[0]) + Long.bitCount(mask[1]) + Long.bitCount(mask[2]);
      this.slots = new int[n];
      int i = 0;
      for (int h = 0; h < HourSlots.SLOTS; h++) {
        if (HourSlots.has(mask, h)) {
          slots[i++] = h;
        }
      }
    }
  }
}
