package dev.matching.sample;

import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.model.internal.Checks;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic, realistic sample market of part-time jobs and workers in Japan, for tests,
 * demos and benchmarks. Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleMarket market = SampleMarket.generate(SampleMarketConfig.custom()
 *     .seed(42).jobs(100_000).workers(50_000)
 *     .start(LocalDate.of(2026, 12, 1)).horizonDays(14)
 *     .build());
 * List<Job> jobs = market.jobs();
 * }</pre>
 *
 * <p><b>Determinism.</b> Equal configurations give equal jobs and workers, on any platform.
 * Each entity is drawn from its own random generators seeded with (seed, index), so job
 * {@code i} depends only on the seed, {@code i}, the horizon and the {@link MarketShape}: it is
 * the same in a market of 100 jobs and in one of a million, and the workers do not depend on
 * the number of jobs (nor the jobs on the number of workers). A duplicate (see
 * {@link MarketShape#duplicateJobShare()}) copies an earlier entity of the same market, itself
 * drawn from (seed, its index).
 *
 * <p><b>What is in it</b> (with the sample's shape, {@link MarketShape#ofDefaults()}; other
 * shapes change the shares named there). Jobs and worker homes are scattered around the real
 * places of {@link JapanPlaces} in proportion to their weight, so the Tokyo and Osaka areas are
 * dense.
 * Jobs have ids {@code job-0000001}..., employers {@code emp-000001}... (about one per 20 jobs,
 * the earliest ones posting the most), Japanese titles such as
 * {@code 【新宿】コンビニスタッフ（夜勤）} that name the place, skills from {@link #skills()},
 * shifts over {@code [start, start + horizonDays)} in {@link #ZONE} (early morning, morning,
 * lunch, daytime, day, evening and overnight hours; weekly, weekends-only or one to three spot
 * dates; about 1% with no shifts), hourly pay from the prefecture's minimum wage plus a category
 * premium and noise (late-night shifts 25% more, as Japanese law requires; a quarter with a pay
 * range), a headcount of 1 to 10, about 3% closed and 2% remote.
 * Workers ({@code worker-0000001}...) are students, homemakers, freeters, night workers, seniors
 * or fully flexible, with weekly availability to match, 1 to 6 skills, a travel limit of 3 to 30
 * km (mostly 5 to 15), desired pay a little above the local minimum wage, and a few unknowns:
 * about 2% without home, 2% without availability, 10% without desired pay and 3% inactive.
 *
 * <p><b>Size.</b> Up to {@value SampleMarketConfig#MAX_SIZE} of each. For very large markets,
 * {@link #streamJobs(SampleMarketConfig)} and {@link #streamWorkers(SampleMarketConfig)} stream the same
 * entities one at a time without holding them all.
 */
public final class SampleMarket {

  /** The zone of every shift and availability of the sample market. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private final SampleMarketConfig config;
  private final List<Job> jobs;
  private final List<Worker> workers;

  private SampleMarket(SampleMarketConfig config, List<Job> jobs, List<Worker> workers) {
    this.config = config;
    this.jobs = jobs;
    this.workers = workers;
  }

  /** Generates the market {@code config} describes, on the calling thread. */
  public static SampleMarket generate(SampleMarketConfig config) {
    Checks.required(config, "config");
    Horizon horizon = new Horizon(config.start(), config.horizonDays());
    JobGenerator jobGenerator = new JobGenerator(config, horizon);
    Job[] jobs = new Job[config.jobs()];
    for (int i = 0; i < jobs.length; i++) {
      jobs[i] = jobGenerator.job(i);
    }
    WorkerGenerator workerGenerator = new WorkerGenerator(config, horizon);
    Worker[] workers = new Worker[config.workers()];
    for (int i = 0; i < workers.length; i++) {
      workers[i] = workerGenerator.worker(i);
    }
    return new SampleMarket(config, Collections.unmodifiableList(Arrays.asList(jobs)),
        Collections.unmodifiableList(Arrays.asList(workers)));
  }

  /**
   * The jobs {@link #generate(SampleMarketConfig)} would produce, in the same order, built lazily
   * one at a time. The stream is sized and ordered and may be made parallel.
   */
  public static Stream<Job> streamJobs(SampleMarketConfig config) {
    Checks.required(config, "config");
    JobGenerator generator = new JobGenerator(config, new Horizon(config.start(), config.horizonDays()));
    return IntStream.range(0, config.jobs()).mapToObj(generator::job);
  }

  /**
   * The workers {@link #generate(SampleMarketConfig)} would produce, in the same order, built
   * lazily one at a time. The stream is sized and ordered and may be made parallel.
   */
  public static Stream<Worker> streamWorkers(SampleMarketConfig config) {
    Checks.required(config, "config");
    WorkerGenerator generator = new WorkerGenerator(config, new Horizon(config.start(), config.horizonDays()));
    return IntStream.range(0, config.workers()).mapToObj(generator::worker);
  }

  /** The configuration the market was generated from. */
  public SampleMarketConfig config() {
    return config;
  }

  /** The jobs, {@code job-0000001} first; an unmodifiable list. */
  public List<Job> jobs() {
    return jobs;
  }

  /** The workers, {@code worker-0000001} first; an unmodifiable list. */
  public List<Worker> workers() {
    return workers;
  }

  /** The catalog of the skill codes jobs and workers use. */
  public SkillsCatalog skills() {
    return SkillsCatalog.japanesePartTime();
  }

  @Override
  public String toString() {
    return "SampleMarket[" + jobs.size() + " jobs, " + workers.size() + " workers, " + config + "]";
  }
}
