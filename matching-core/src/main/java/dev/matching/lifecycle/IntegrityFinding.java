package dev.matching.lifecycle;

import dev.matching.model.internal.Checks;
import java.util.List;

/**
 * One kind of inconsistency found by the {@link IntegrityCheck}: how many and a bounded sample.
 * Immutable.
 *
 * @param kind what is inconsistent
 * @param count how many times it was found
 * @param sample the first occurrences found (at most the check's sample size), each described
 *     as documented on its {@link Kind}
 */
public record IntegrityFinding(Kind kind, long count, List<String> sample) {

  /** Validates and copies. */
  public IntegrityFinding {
    Checks.required(kind, "kind");
    Checks.check(count >= 1, "count", "must be at least 1, was " + count);
    sample = Checks.listOf(sample, "sample");
    Checks.check(sample.size() <= count, "sample", "holds more entries (" + sample.size() + ") than count " + count);
  }

  /** The kinds of inconsistency, with the form of their sample entries. */
  public enum Kind {
    /** A published list whose subject (worker or job) is not stored. Sample: {@code direction/subject}. */
    RESULT_SUBJECT_MISSING,
    /**
     * A published list whose subject is stored but inactive (worker) or closed (job). Sample:
     * {@code direction/subject}.
     */
    RESULT_SUBJECT_INACTIVE,
    /**
     * A live subject (active worker, open job) stored unchanged since before the published
     * generation was triggered, without a list in it: the publishing run ranked an incomplete index.
     * Sample: {@code direction/subject}.
     */
    RESULT_SUBJECT_UNRANKED,
    /** A published list ranking a job or worker that is not stored. Sample: {@code direction/subject->id}. */
    RESULT_MATCH_MISSING,
    /**
     * A stored list of a generation that is neither published nor being written by an active batch
     * run (left over by a failed, cancelled or interrupted run). Sample: {@code direction/subject@generation}.
     */
    RESULT_LEFTOVER,
    /** A stored entity missing from the engine's index. Sample: {@code job:id} or {@code worker:id}. */
    INDEX_MISSING,
    /** An indexed entity absent from its store. Sample: {@code job:id} or {@code worker:id}. */
    INDEX_ORPHAN,
    /** An indexed entity that differs from the stored one (an old version). Sample: {@code job:id} or {@code worker:id}. */
    INDEX_STALE,
    /**
     * An active batch run none of whose partitions holds a lease that expired less than the stale
     * period ago, for longer than that period: nobody works on it. Sample: the run id.
     */
    BATCH_RUN_STALLED,
    /**
     * A batch run whose partition records do not add up to its counts (number of partitions,
     * done, failed, items done), a finished run with open partitions, or a run whose parameters
     * the batch cannot read (see {@link dev.matching.batch.RunParameters#of}). Sample: the run id.
     */
    BATCH_RUN_INCONSISTENT
  }
}
