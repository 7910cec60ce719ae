package dev.matching.spring.web;

import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.query.Direction;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.spi.StorageException;
import dev.matching.spi.MatchResultStore;
import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import dev.matching.spring.web.ResultJson.ExplanationJson;
import dev.matching.spring.web.ResultJson.MatchPageJson;
import dev.matching.spring.web.ResultJson.StoredMatchesJson;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matching over REST: live rankings in both directions with paging, presets and filters; the
 * explanation of one pair; search for a profile that is not registered (cold start); and the
 * stored lists of the last published batch.
 */
@RestController
@RequestMapping("/api/v1")
public class MatchController implements MatchingApiController {
  /** The profile id used for an unregistered profile posted to a search endpoint. */
  public static final String ANONYMOUS_ID = "anonymous";
  private static final System.Logger LOG = System.getLogger(MatchController.class.getName());

  private final MatchingEngine engine;
  private final MatchResultStore results;
  private final DomainMapper mapper;
  private final QueryParameters parameters;
  private final QueryObserver observer;
  private final boolean liveFallback;

  /**
   * Endpoints over {@code engine} and the batch's {@code results}; with {@code liveFallback},
   * recommendations are ranked live when the result store fails.
   */
  public MatchController(MatchingEngine engine, MatchResultStore results, DomainMapper mapper,
      QueryParameters parameters, QueryObserver observer, boolean liveFallback) {
    this.engine = engine;
    this.results = results;
    this.mapper = mapper;
    this.parameters = parameters;
    this.observer = observer;
    this.liveFallback = liveFallback;
  }

  /** The best jobs for a registered worker. */
  @GetMapping("/workers/{id}/matches")
  public MatchPageJson jobsForWorker(@PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "employer_id", required = false) @Nullable List<String> employerIds,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    MatchQuery query = parameters.toQuery(limit, cursor, preset, employerIds, skills, from, to);
    return MatchPageJson.of(observer.observe(Direction.JOBS_FOR_WORKER, () -> engine.topJobsFor(id, query)));
  }

  /** The best workers for a registered job. */
  @GetMapping("/jobs/{id}/matches")
  public MatchPageJson workersForJob(@PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    MatchQuery query = parameters.toQuery(limit, cursor, preset, null, skills, from, to);
    return MatchPageJson.of(observer.observe(Direction.WORKERS_FOR_JOB, () -> engine.topWorkersFor(id, query)));
  }

  /** Why a registered worker and job score what they score (or why they are excluded). */
  @GetMapping("/workers/{workerId}/explain/{jobId}")
  public ExplanationJson explain(@PathVariable String workerId, @PathVariable String jobId,
      @RequestParam(required = false) @Nullable String preset) {
    return ExplanationJson.of(engine.explain(workerId, jobId, parameters.policy(preset, engine.policy())));
  }

  /** The best jobs for a worker profile posted in the body and not stored (cold start). */
  @PostMapping("/search/jobs")
  public MatchPageJson searchJobs(@RequestBody WorkerJson profile,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "employer_id", required = false) @Nullable List<String> employerIds,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills) {
    MatchQuery query = parameters.toQuery(limit, cursor, preset, employerIds, skills, null, null);
    var worker = mapper.toWorker(profile.id() == null ? ANONYMOUS_ID : profile.id(), profile);
    return MatchPageJson.of(observer.observe(Direction.JOBS_FOR_WORKER, () -> engine.topJobsFor(worker, query)));
  }

  /** The best workers for a job posted in the body and not stored. */
  @PostMapping("/search/workers")
  public MatchPageJson searchWorkers(@RequestBody JobJson job,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills) {
    MatchQuery query = parameters.toQuery(limit, cursor, preset, null, skills, null, null);
    var draft = mapper.toJob(job.id() == null ? ANONYMOUS_ID : job.id(), job);
    return MatchPageJson.of(observer.observe(Direction.WORKERS_FOR_JOB, () -> engine.topWorkersFor(draft, query)));
  }

  /** The worker's jobs from the last published batch (or live, see {@link #recommendations}). */
  @GetMapping("/workers/{id}/recommendations")
  public StoredMatchesJson recommendationsForWorker(@PathVariable String id) {
    return recommendations(Direction.JOBS_FOR_WORKER, id);
  }

  /** The job's workers from the last published batch (or live, see {@link #recommendations}). */
  @GetMapping("/jobs/{id}/recommendations")
  public StoredMatchesJson recommendationsForJob(@PathVariable String id) {
    return recommendations(Direction.WORKERS_FOR_JOB, id);
  }

  /**
   * The stored list of {@code id}; 404 when the last batch stored none. When the result store
   * fails (Redis down or paused) and the live fallback is on, the engine ranks live instead, so
   * the service degrades rather than failing; with it off the failure is a 503.
   */
  private StoredMatchesJson recommendations(Direction direction, String id) {
    boolean forWorker = direction == Direction.JOBS_FOR_WORKER;
    try {
      return StoredMatchesJson.of(results.find(direction, id)
          .orElseThrow(() -> new NotFoundException(forWorker ? "recommendations for worker" : "recommendations for job", id)));
    } catch (StorageException e) {
      if (!liveFallback) {
        throw e;
      }
      LOG.log(System.Logger.Level.WARNING, "result store unavailable; ranking " + id + " live instead", e);
      MatchQuery query = MatchQuery.top(parameters.maxLimit());
      MatchPage page = forWorker ? engine.topJobsFor(id, query) : engine.topWorkersFor(id, query);
      return StoredMatchesJson.live(id, java.time.Instant.now(), page);
    }
  }
}
