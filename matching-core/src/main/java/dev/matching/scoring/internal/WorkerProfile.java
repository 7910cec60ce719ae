package dev.matching.scoring.internal;

import dev.matching.model.Availability;
import dev.matching.model.GeoPoint;
import dev.matching.model.PayPreference;
import dev.matching.model.Worker;
import dev.matching.model.internal.Haversine;
import dev.matching.model.internal.Timeline;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A worker compiled for scoring: skill levels by catalog id, a skill mask, and the
 * availability expanded into a {@link Timeline} over a window. Immutable and thread-safe.
 *
 * <p>A timeline only answers for its window; {@link #timelineCovering} expands a new one from
 * the availability when a job's shifts fall outside it, so scores never depend on the window.
 */
public final class WorkerProfile {

  static final int NO_PAY = 0;
  static final int SOFT_PAY = 1;
  static final int HARD_PAY = 2;

  final Worker worker;
  final boolean active;
  final boolean hasHome;
  final double lat;
  final double lng;
  final double maxTravelKm;
  /** The home's latitude in radians, and its sine and cosine, for {@link Haversine#km}. */
  final double latRadians;
  final double sinLat;
  final double cosLat;
  /**
   * Latitude difference, in degrees, beyond which a job is surely farther than
   * {@link #maxTravelKm} (a great circle is never shorter than its latitude change); infinite
   * without a home.
   */
  final double maxLatDelta;
  final byte[] levels;
  final long skillMask;
  final int payRule;
  final int desiredPay;
  final @Nullable Availability availability;
  final @Nullable Timeline timeline;

  private WorkerProfile(Worker worker, SkillCatalog catalog, long fromEpochSecond, long toEpochSecond,
      @Nullable Map<Availability, Timeline> timelines) {
    this.worker = worker;
    this.active = worker.active();
    GeoPoint home = worker.home();
    this.hasHome = home != null;
    this.lat = home == null ? Double.NaN : home.latitude();
    this.lng = home == null ? Double.NaN : home.longitude();
    this.maxTravelKm = worker.maxTravelKm();
    this.latRadians = Math.toRadians(lat);
    this.sinLat = Math.sin(latRadians);
    this.cosLat = Math.cos(latRadians);
    this.maxLatDelta = home == null ? Double.POSITIVE_INFINITY
        : Math.toDegrees(maxTravelKm / GeoPoint.EARTH_RADIUS_KM) * (1 + 1e-6) + 1e-9;
    int max = -1;
    int[] ids = new int[worker.skills().size()];
    int i = 0;
    long mask = 0;
    for (String skill : worker.skills().keySet()) {
      int id = catalog.find(skill);
      ids[i++] = id;
      max = Math.max(max, id);
      if (id >= 0) {
        mask |= SkillCatalog.bit(id);
      }
    }
    this.levels = new byte[max + 1];
    i = 0;
    for (Map.Entry<String, Integer> e : worker.skills().entrySet()) {
      int id = ids[i++];
      if (id >= 0) {
        levels[id] = e.getValue().byteValue();
      }
    }
    this.skillMask = mask;
    PayPreference pay = worker.desiredPay();
    this.payRule = pay == null ? NO_PAY : (pay.hard() ? HARD_PAY : SOFT_PAY);
    this.desiredPay = pay == null ? 0 : pay.minHourlyYen();
    this.availability = worker.availability();
    Availability a = availability;
    if (a == null || toEpochSecond <= fromEpochSecond) {
      this.timeline = null;
    } else if (timelines == null) {
      this.timeline = Timeline.of(a, fromEpochSecond, toEpochSecond);
    } else {
      this.timeline = timelines.computeIfAbsent(a, x -> Timeline.of(x, fromEpochSecond, toEpochSecond));
    }
  }

  private WorkerProfile(WorkerProfile o) {
    this.worker = o.worker;
    this.active = o.active;
    this.hasHome = o.hasHome;
    this.lat = o.lat;
    this.lng = o.lng;
    this.maxTravelKm = o.maxTravelKm;
    this.latRadians = o.latRadians;
    this.sinLat = o.sinLat;
    this.cosLat = o.cosLat;
    this.maxLatDelta = o.maxLatDelta;
    this.levels = o.levels.clone();
    this.skillMask = o.skillMask;
    this.payRule = o.payRule;
    this.desiredPay = o.desiredPay;
    this.availability = o.availability;
    this.timeline = o.timeline; // immutable, and shared by workers of equal availability
  }

  /**
   * An equal profile in newly allocated memory, its levels next to it: an index
   * that scans profiles in its own order copies them in that order, so that a scan reads
   * consecutive memory (scattered profiles cost a cache miss each).
   */
  public WorkerProfile relocated() {
    return new WorkerProfile(this);
  }

  /**
   * Compiles {@code worker} against {@code catalog}, expanding its availability over
   * {@code [fromEpochSecond, toEpochSecond)}. Skills the catalog does not know are ignored: no job
   * in it can ask for them.
   */
  public static WorkerProfile of(Worker worker, SkillCatalog catalog, long fromEpochSecond, long toEpochSecond) {
    return new WorkerProfile(worker, catalog, fromEpochSecond, toEpochSecond, null);
  }

  /**
   * As {@link #of(Worker, SkillCatalog, long, long)}, sharing one timeline among workers of
   * equal availability: {@code timelines} maps the availabilities compiled so far (over this
   * same window) to their timelines, and gains this worker's. Many workers share a weekly
   * pattern, and a timeline over a long window is the largest part of a profile. The map is the
   * caller's and not thread-safe.
   */
  public static WorkerProfile of(Worker worker, SkillCatalog catalog, long fromEpochSecond, long toEpochSecond,
      Map<Availability, Timeline> timelines) {
    return new WorkerProfile(worker, catalog, fromEpochSecond, toEpochSecond, timelines);
  }

  /** The worker. */
  public Worker worker() {
    return worker;
  }

  /** Whether the worker is looking for work. */
  public boolean active() {
    return active;
  }

  /** Whether the home is known. */
  public boolean hasHome() {
    return hasHome;
  }

  /** Home latitude, NaN when unknown. */
  public double latitude() {
    return lat;
  }

  /** Home longitude, NaN when unknown. */
  public double longitude() {
    return lng;
  }

  /** Farthest travel in kilometres. */
  public double maxTravelKm() {
    return maxTravelKm;
  }

  /** Mask of the worker's skills (see {@link SkillCatalog#bit}). */
  public long skillMask() {
    return skillMask;
  }

  /** Whether the worker has a desired pay. */
  public boolean hasDesiredPay() {
    return payRule != NO_PAY;
  }

  /** Whether the desired pay is a hard floor. */
  public boolean hardPay() {
    return payRule == HARD_PAY;
  }

  /** Desired hourly pay in yen, 0 without one. */
  public int desiredPay() {
    return desiredPay;
  }

  /** Number of skill ids covered by the level table. */
  public int levelCount() {
    return levels.length;
  }

  /** The level of skill {@code id}, 0 without it. */
  public int level(int id) {
    return id >= 0 && id < levels.length ? levels[id] : 0;
  }

  /** The precomputed timeline, or null without availability or window. */
  public @Nullable Timeline timeline() {
    return timeline;
  }

  /**
   * A timeline covering {@code [from, to)}: the precomputed one when it does, otherwise one
   * expanded now. Null without availability.
   */
  public @Nullable Timeline timelineCovering(long fromEpochSecond, long toEpochSecond) {
    Timeline t = timeline;
    if (t != null && t.covers(fromEpochSecond, toEpochSecond)) {
      return t;
    }
    Availability a = availability;
    return a == null ? null : Timeline.of(a, fromEpochSecond, toEpochSecond);
  }
}
