package dev.matching.index;

import dev.matching.model.Job;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.SkillCatalog;

/**
 * A job compiled to search a {@link WorkerIndex} with: its columns plus what the range bounds
 * need. Internal to one search, unlike the public {@link dev.matching.query.MatchQuery} that
 * says how to search.
 */
final class JobProbe {
  final ScoringPolicy policy;
  final JobColumns columns;
  final boolean remote;
  final double lat;
  final double lng;
  final int pay;
  final long requiredMask;
  final boolean hasPreferred;
  final int[] preferredSkill;
  final int[] preferredLevel;
  final double[] preferredShare;
  final boolean hasShifts;
  final long minShiftStart;
  final long maxShiftEnd;
  final double[] slotShare = new double[HourSlots.SLOTS];
  final double missingDistance;
  final boolean excludesMissingDistance;
  final double missingPay;
  final double missingSkills;
  final double missingSchedule;

  JobProbe(Job job, ScoringPolicy policy, SkillCatalog catalog) {
    this.policy = policy;
    this.columns = JobColumns.lookup(job, catalog);
    this.remote = columns.remote(0);
    this.lat = columns.latitude(0);
    this.lng = columns.longitude(0);
    this.pay = columns.pay(0);
    this.requiredMask = columns.requiredMask(0);
    int from = columns.preferredFrom(0);
    int to = columns.skillsTo(0);
    int n = to - from;
    this.hasPreferred = n > 0;
    this.preferredSkill = new int[n];
    this.preferredLevel = new int[n];
    this.preferredShare = new double[n];
    double weights = columns.preferredWeightSum(0);
    for (int e = from; e < to; e++) {
      preferredSkill[e - from] = columns.skillId(e);
      preferredLevel[e - from] = columns.skillLevel(e);
      preferredShare[e - from] = columns.skillWeight(e) / weights;
    }
    this.hasShifts = HourSlots.jobFractions(columns, 0, slotShare);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int k = 0; k < columns.shiftCount(0); k++) {
      min = Math.min(min, columns.shiftStart(0, k));
      max = Math.max(max, columns.shiftEnd(0, k));
    }
    this.minShiftStart = min;
    this.maxShiftEnd = max;
    this.missingDistance = policy.missingData(Factor.DISTANCE).score();
    this.excludesMissingDistance = policy.missingData(Factor.DISTANCE).excludes();
    this.missingPay = policy.missingData(Factor.PAY).score();
    this.missingSkills = policy.missingData(Factor.SKILLS).score();
    this.missingSchedule = policy.missingData(Factor.SCHEDULE).score();
  }
}
