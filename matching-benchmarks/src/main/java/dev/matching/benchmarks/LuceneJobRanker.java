package dev.matching.benchmarks;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import dev.matching.query.Match;
import dev.matching.scoring.Factor;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.scoring.internal.Evaluator;
import dev.matching.scoring.internal.JobColumns;
import dev.matching.scoring.internal.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * The Apache Lucene peer for "top jobs for a worker", on the same jobs, scoring and hard
 * constraints as {@link dev.matching.index.JobIndex}.
 *
 * <p><b>Index.</b> One document per job in a single in-memory segment: {@code open} and
 * {@code remote} flags as terms, the location as {@link LatLonPoint} plus
 * {@link LatLonDocValuesField}, the pay as {@link IntPoint} plus doc values, each required
 * skill as a {@code skill@minLevel} term with their count as doc values (and a {@code noreq}
 * term when there are none), the preferred skills (skill ordinal, level, share of
 * the weight) as binary doc values, and the job's position in the core's {@link JobColumns}.
 *
 * <p><b>Query.</b> Lucene filters every hard constraint it can express: open, within the
 * worker's travel limit ({@link LatLonPoint#newDistanceQuery}, with 100 m of slack for its
 * coordinate quantisation) or remote, at least the worker's hard pay floor, and every required
 * skill held: no requirement, or a {@link CoveringQuery} over the {@code skill@level} terms the
 * worker satisfies that must match as many of them as the job requires. (The shifts are
 * indexed as binary doc values of their share of time per hour-of-week slot, see
 * {@link HourOfWeek}.) It ranks the survivors with {@link JobScoreBound}: the policy's Gaussian distance and pay decays and the level-adjusted
 * preferred-skill share computed from doc values, and for schedule coverage only an upper
 * bound: the share of shift time in hour-of-week slots where the worker is ever available (a
 * bound below the minimum coverage excludes the hit). Lucene cannot express the exact coverage,
 * "share of the job's shift seconds inside the worker's dated availability".
 *
 * <p><b>Rescoring.</b> That Lucene score is therefore an upper bound of the engine's score.
 * A collector rescores hits exactly with the core's {@link Evaluator} (which also applies the
 * minimum-coverage constraint) in the same pass, skipping every hit whose bound cannot reach the
 * K-th exact score so far. (A {@code search(query, n)} followed by rescoring windows grown with
 * {@code searchAfter} was tried first: the schedule factor makes the bound loose, so it needed
 * several full passes and was about twice as slow.) So the result equals the engine's ranking,
 * and Lucene is charged with everything it cannot do itself.
 *
 * <p>Policies with exclusions for missing data or with factor floors are not supported.
 * Thread-safe after construction.
 */
public final class LuceneJobRanker implements AutoCloseable {

  /** Slack, in score units, for float rounding of Lucene scores and quantised coordinates. */
  static final double SCORE_SLACK = 1e-5;
  private static final double DISTANCE_SLACK_METERS = 100;

  private final ScoringPolicy policy;
  private final BruteForceJobRanker kernel;
  private final Map<String, Integer> skillOrdinals;
  private final List<String> requiredTerms;
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final int[] positionOfDoc;

  /** Indexes {@code jobs}; fails for a policy Lucene's query cannot mirror. */
  public LuceneJobRanker(List<Job> jobs, ScoringPolicy policy) {
    for (Factor f : Factor.values()) {
      if (policy.missingData(f).excludes() || policy.floor(f) > 0) {
        throw Checks.fail("policy", "missing-data exclusions and floors are not supported, was " + policy);
      }
    }
    this.policy = policy;
    this.kernel = new BruteForceJobRanker(jobs, policy);
    this.skillOrdinals = new HashMap<>();
    TreeSet<String> terms = new TreeSet<>();
    this.directory = new ByteBuffersDirectory();
    try {
      IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(256);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        JobColumns columns = kernel.columns();
        for (int pos = 0; pos < columns.size(); pos++) {
          writer.addDocument(document(columns.job(pos), pos, terms));
        }
        writer.forceMerge(1);
      }
      this.reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.requiredTerms = List.copyOf(terms);
    this.searcher = new IndexSearcher(reader);
    this.positionOfDoc = readPositions(reader);
  }

  private Document document(Job job, int pos, TreeSet<String> requiredTerms) {
    Document doc = new Document();
    if (job.open()) {
      doc.add(new StringField("open", "T", Field.Store.NO));
    }
    if (job.location() == null) {
      doc.add(new StringField("remote", "T", Field.Store.NO));
    } else {
      double lat = job.location().latitude();
      double lng = job.location().longitude();
      doc.add(new LatLonPoint("loc", lat, lng));
      doc.add(new LatLonDocValuesField("loc", lat, lng));
    }
    int pay = job.pay().minYen();
    doc.add(new IntPoint("pay", pay));
    doc.add(new NumericDocValuesField("pay", pay));
    if (job.requiredSkills().isEmpty()) {
      doc.add(new StringField("noreq", "T", Field.Store.NO));
    }
    job.requiredSkills().forEach(r -> {
      String term = r.skill() + "@" + r.minLevel();
      requiredTerms.add(term);
      doc.add(new StringField("req", term, Field.Store.NO));
    });
    doc.add(new NumericDocValuesField("reqCount", job.requiredSkills().size()));
    if (!job.preferredSkills().isEmpty()) {
      double sum = job.preferredSkills().stream().mapToDouble(p -> p.weight()).sum();
      ByteBuffer bytes = ByteBuffer.allocate(job.preferredSkills().size() * JobScoreBound.PREFERRED_ENTRY_BYTES);
      job.preferredSkills().forEach(p -> {
        int ordinal = skillOrdinals.computeIfAbsent(p.skill(), s -> skillOrdinals.size());
        bytes.putShort((short) ordinal).put((byte) p.level()).putDouble(p.weight() / sum);
      });
      doc.add(new BinaryDocValuesField("pref", new BytesRef(bytes.array())));
    }
    if (!job.shifts().isEmpty()) {
      doc.add(new BinaryDocValuesField("slots", new BytesRef(HourOfWeek.encodeShares(job.shifts()))));
    }
    doc.add(new NumericDocValuesField("pos", pos));
    return doc;
  }

  private static int[] readPositions(DirectoryReader reader) {
    int[] positions = new int[reader.maxDoc()];
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues pos = leaf.reader().getNumericDocValues("pos");
        for (int doc = pos.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = pos.nextDoc()) {
          positions[leaf.docBase + doc] = (int) pos.longValue();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return positions;
  }

  /** The Lucene query for {@code worker}: hard-constraint filters scored by {@link JobScoreBound}. */
  Query query(Worker worker, WorkerProfile profile) {
    BooleanQuery.Builder filters = new BooleanQuery.Builder();
    filters.add(new TermQuery(new Term("open", "T")), Occur.FILTER);
    if (worker.home() != null) {
      Query near = LatLonPoint.newDistanceQuery("loc", worker.home().latitude(), worker.home().longitude(),
          worker.maxTravelKm() * 1000 + DISTANCE_SLACK_METERS);
      filters.add(new BooleanQuery.Builder()
          .add(near, Occur.SHOULD)
          .add(new TermQuery(new Term("remote", "T")), Occur.SHOULD)
          .build(), Occur.FILTER);
    }
    if (worker.desiredPay() != null && worker.desiredPay().hard()) {
      filters.add(IntPoint.newRangeQuery("pay", worker.desiredPay().minHourlyYen(), Integer.MAX_VALUE), Occur.FILTER);
    }
    List<Query> held = new ArrayList<>();
    for (String term : requiredTerms) {
      int at = term.lastIndexOf('@');
      if (worker.level(term.substring(0, at)) >= Integer.parseInt(term.substring(at + 1))) {
        held.add(new TermQuery(new Term("req", term)));
      }
    }
    BooleanQuery.Builder skills = new BooleanQuery.Builder().add(new TermQuery(new Term("noreq", "T")), Occur.SHOULD);
    if (!held.isEmpty()) {
      skills.add(new CoveringQuery(held, LongValuesSource.fromIntField("reqCount")), Occur.SHOULD);
    }
    filters.add(skills.build(), Occur.FILTER);
    return new FunctionScoreQuery(filters.build(), new JobScoreBound(policy, worker, skillOrdinals, HourOfWeek.available(profile.timeline())));
  }

  /** The best {@code k} jobs for {@code worker}, in the engine's ranking order. */
  public List<Match> topJobs(Worker worker, int k) {
    if (!worker.active()) {
      return List.of();
    }
    TopMatches top = new TopMatches(k);
    WorkerProfile profile = kernel.profile(worker);
    try {
      searcher.search(query(worker, profile), new RescoringCollectorManager(profile, top));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return top.sorted();
  }

  /**
   * Collects every hit of the query in one pass: a hit whose Lucene score (an upper bound) cannot
   * reach the current K-th exact score is dropped; any other is rescored exactly by the kernel.
   * The collectors of all slices feed one heap, which is safe because the searcher has no
   * executor and runs slices one after another on the calling thread.
   */
  private final class RescoringCollectorManager implements CollectorManager<SimpleCollector, Void> {
    private final WorkerProfile profile;
    private final TopMatches top;
    private final double[] factors = new double[4];

    RescoringCollectorManager(WorkerProfile profile, TopMatches top) {
      this.profile = profile;
      this.top = top;
    }

    @Override
    public SimpleCollector newCollector() {
      return new SimpleCollector() {
        private Scorable scorer;
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
          docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          double threshold = top.threshold();
          float bound = scorer.score();
          if (bound == JobScoreBound.EXCLUDED || (top.isFull() && bound + SCORE_SLACK < threshold)) {
            return;
          }
          JobColumns columns = kernel.columns();
          int pos = positionOfDoc[docBase + doc];
          double score = Evaluator.evaluate(policy, profile, columns, pos, threshold, 1.0, factors);
          if (score >= 0) {
            top.offer(columns.job(pos).id(), score, factors);
          }
        }

        @Override
        public ScoreMode scoreMode() {
          return ScoreMode.COMPLETE;
        }
      };
    }

    @Override
    public Void reduce(Collection<SimpleCollector> collectors) {
      return null;
    }
  }

  /**
   * The Lucene score of every job the query for {@code worker} matches, by the job's position in
   * the list given to the constructor; NaN for jobs it does not match. For tests.
   */
  float[] luceneScores(Worker worker) throws IOException {
    float[] scores = new float[positionOfDoc.length];
    Arrays.fill(scores, Float.NaN);
    Query query = query(worker, kernel.profile(worker));
    for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
      scores[positionOfDoc[hit.doc]] = hit.score;
    }
    return scores;
  }

  /** Approximate bytes of the Lucene index (the directory's files). */
  public long indexBytes() {
    try {
      long bytes = 0;
      for (String file : directory.listAll()) {
        bytes += directory.fileLength(file);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
