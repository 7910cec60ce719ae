package dev.matching.spring.web;

import dev.matching.model.EntityKind;
import dev.matching.MatchingEngine;
import dev.matching.NotFoundException;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.query.MatchPage;
import dev.matching.query.MatchQuery;
import dev.matching.scoring.ScoringPolicy;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.StorageException;
import dev.matching.spring.security.ApiPrincipal;
import dev.matching.spring.security.ApiRole;
import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import dev.matching.spring.web.ResultJson.ExplanationJson;
import dev.matching.spring.web.ResultJson.MatchPageJson;
import dev.matching.spring.web.ResultJson.StoredMatchesJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Matching over REST: live rankings in both directions with paging, presets and filters; the
 * explanation of one pair; search for a profile that is not registered (cold start); and the
 * stored lists of the last published batch.
 *
 * <p>Paging cursors are sealed by a {@link CursorSeal}. A client caller (an employer's key) is
 * shown workers as {@link ClientDisclosure} allows: rankings of a worker's jobs and explanations
 * are computed from the worker's coarse profile, and the scores shown for workers ranked for a
 * job are those of each worker's coarse profile. Operators, admins and callers with security off
 * see everything exactly.
 */
@Tag(name = "matching", description = "Rankings, explanations, search and stored recommendations")
@RestController
@RequestMapping("/api/v1")
public class MatchController implements MatchingApiController {
  /** The profile id used for an unregistered profile posted to a search endpoint. */
  public static final String ANONYMOUS_ID = "anonymous";
  private static final Logger LOG = LoggerFactory.getLogger(MatchController.class);

  /** The cursor context of callers who see everything: cursors open on any of their rankings. */
  private static final String FULL_VIEW = "full";

  private final MatchingEngine engine;
  private final MatchResultStore results;
  private final DomainMapper mapper;
  private final QueryParameters parameters;
  private final QueryObserver observer;
  private final boolean liveFallback;
  private final CursorSeal cursors;
  private final Clock clock;
  private final ClientDisclosure disclosure;

  /**
   * Endpoints over {@code engine} and the batch's {@code results}; with {@code liveFallback},
   * recommendations are ranked live when the result store fails. Cursors are sealed with a random
   * key of this process.
   */
  public MatchController(MatchingEngine engine, MatchResultStore results, DomainMapper mapper,
      QueryParameters parameters, QueryObserver observer, boolean liveFallback) {
    this(engine, results, mapper, parameters, observer, liveFallback, new CursorSeal(null), new ClientDisclosure(),
        Clock.systemUTC());
  }

  /**
   * Endpoints over {@code engine} and the batch's {@code results}; with {@code liveFallback},
   * recommendations are ranked live when the result store fails; cursors sealed by
   * {@code cursors}; client callers shown what {@code disclosure} allows; live rankings stamped
   * by {@code clock}.
   */
  public MatchController(MatchingEngine engine, MatchResultStore results, DomainMapper mapper,
      QueryParameters parameters, QueryObserver observer, boolean liveFallback, CursorSeal cursors,
      ClientDisclosure disclosure, Clock clock) {
    this.engine = engine;
    this.results = results;
    this.mapper = mapper;
    this.parameters = parameters;
    this.observer = observer;
    this.liveFallback = liveFallback;
    this.cursors = cursors;
    this.disclosure = disclosure;
    this.clock = clock;
  }

  /** The best jobs for a registered worker; for a client, for the worker's coarse profile. */
  @Operation(summary = "The best jobs for a worker",
      description = "Ranked live from the index with per-factor scores; limit, cursor, preset, employer_id, skill, from and to narrow the query.")
  @GetMapping("/workers/{id}/matches")
  public MatchPageJson jobsForWorker(@PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "employer_id", required = false) @Nullable List<String> employerIds,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    boolean client = isClient();
    String context = client ? clientContext("workers/matches", id, "", preset, employerIds, skills, from, to) : FULL_VIEW;
    MatchQuery query = parameters.toQuery(limit, cursor, c -> cursors.open(c, context), preset, employerIds, skills,
        from, to);
    MatchPage page;
    if (client) {
      Worker coarse = disclosure.coarsen(requireWorker(id));
      page = observer.observe(Direction.JOBS_FOR_WORKER, () -> engine.topJobsFor(coarse, query));
    } else {
      page = observer.observe(Direction.JOBS_FOR_WORKER, () -> engine.topJobsFor(id, query));
    }
    return MatchPageJson.of(page, c -> cursors.seal(c, context));
  }

  /** The best workers for a registered job; a client is shown each worker's coarse scores. */
  @Operation(summary = "The best workers for a job",
      description = "Ranked live from the index with per-factor scores; a client key sees coarse scores.")
  @GetMapping("/jobs/{id}/matches")
  public MatchPageJson workersForJob(@PathVariable String id,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to) {
    if (!isClient()) {
      MatchQuery query = parameters.toQuery(limit, cursor, c -> cursors.open(c, FULL_VIEW), preset, null, skills,
          from, to);
      return MatchPageJson.of(observer.observe(Direction.WORKERS_FOR_JOB, () -> engine.topWorkersFor(id, query)),
          c -> cursors.seal(c, FULL_VIEW));
    }
    Optional<Job> job = engine.job(id);
    String context = clientContext("jobs/matches", id, job.map(MatchController::fingerprint).orElse(""), preset, null,
        skills, from, to);
    MatchQuery query = parameters.toQuery(limit, cursor, c -> cursors.open(c, context), preset, null, skills, from, to);
    Job subject = job.orElseThrow(() -> new NotFoundException(EntityKind.JOB, id));
    MatchPage page = observer.observe(Direction.WORKERS_FOR_JOB, () -> engine.topWorkersFor(subject, query));
    return MatchPageJson.of(shownToClient(page, subject, policyOf(query)), c -> cursors.seal(c, context));
  }

  /**
   * Why a registered worker and job score what they score (or why they are excluded); for a
   * client, the explanation of the worker's coarse profile, without travel limit or pay wish.
   */
  @Operation(summary = "Explain a worker and job pair",
      description = "Every factor's raw value, unit, score, weight and contribution and the total, or the reasons the pair is excluded.")
  @GetMapping("/workers/{workerId}/explain/{jobId}")
  public ExplanationJson explain(@PathVariable String workerId, @PathVariable String jobId,
      @RequestParam(required = false) @Nullable String preset) {
    ScoringPolicy policy = parameters.policy(preset, engine.policy());
    if (isClient()) {
      Worker worker = requireWorker(workerId);
      return ExplanationJson.of(disclosure.explain(worker, requireJob(jobId), policy));
    }
    return ExplanationJson.of(engine.explain(workerId, jobId, policy));
  }

  /** The best jobs for a worker profile posted in the body and not stored (cold start). */
  @Operation(summary = "Search jobs for an unstored worker profile",
      description = "Cold start: the best jobs for the worker profile in the body; nothing is stored.")
  @PostMapping("/search/jobs")
  public MatchPageJson searchJobs(@RequestBody WorkerJson profile,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "employer_id", required = false) @Nullable List<String> employerIds,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills) {
    // the profile is the caller's own, so a client sees its ranking as it is
    String context = isClient() ? clientContext("search/jobs", "", "", preset, employerIds, skills, null, null)
        : FULL_VIEW;
    MatchQuery query = parameters.toQuery(limit, cursor, c -> cursors.open(c, context), preset, employerIds, skills,
        null, null);
    var worker = mapper.toWorker(profile.id() == null ? ANONYMOUS_ID : profile.id(), profile);
    return MatchPageJson.of(observer.observe(Direction.JOBS_FOR_WORKER, () -> engine.topJobsFor(worker, query)),
        c -> cursors.seal(c, context));
  }

  /** The best workers for a job posted in the body and not stored; a client sees coarse scores. */
  @Operation(summary = "Search workers for an unstored job",
      description = "The best workers for the job in the body; nothing is stored.")
  @PostMapping("/search/workers")
  public MatchPageJson searchWorkers(@RequestBody JobJson job,
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(required = false) @Nullable String preset,
      @RequestParam(name = "skill", required = false) @Nullable List<String> skills) {
    boolean client = isClient();
    var draft = mapper.toJob(job.id() == null ? ANONYMOUS_ID : job.id(), job);
    String context = client ? clientContext("search/workers", draft.id(), fingerprint(draft), preset, null, skills,
        null, null) : FULL_VIEW;
    MatchQuery query = parameters.toQuery(limit, cursor, c -> cursors.open(c, context), preset, null, skills, null,
        null);
    MatchPage page = observer.observe(Direction.WORKERS_FOR_JOB, () -> engine.topWorkersFor(draft, query));
    return MatchPageJson.of(client ? shownToClient(page, draft, policyOf(query)) : page, c -> cursors.seal(c, context));
  }

  /** The worker's jobs from the last published batch (or live, see {@link #recommendations}). */
  @Operation(summary = "Stored recommendations of a worker",
      description = "The list of the last published batch generation (source batch), or a live ranking (source live) when the result store is down and the fallback is on.")
  @GetMapping("/workers/{id}/recommendations")
  public StoredMatchesJson recommendationsForWorker(@PathVariable String id) {
    return recommendations(Direction.JOBS_FOR_WORKER, id);
  }

  /** The job's workers from the last published batch (or live, see {@link #recommendations}). */
  @Operation(summary = "Stored recommendations of a job",
      description = "The list of the last published batch generation (source batch), or a live ranking (source live) when the result store is down and the fallback is on.")
  @GetMapping("/jobs/{id}/recommendations")
  public StoredMatchesJson recommendationsForJob(@PathVariable String id) {
    return recommendations(Direction.WORKERS_FOR_JOB, id);
  }

  /**
   * The stored list of {@code id}; 404 when the last batch stored none. When the result store
   * fails (Redis down or paused) and the live fallback is on, the engine ranks live instead, so
   * the service degrades rather than failing; with it off the failure is a 503.
   *
   * <p>For a client, a worker's list is ranked live for the worker's coarse profile (the stored
   * one was ranked on the exact profile), and a job's list shows each worker's coarse scores.
   */
  private StoredMatchesJson recommendations(Direction direction, String id) {
    boolean forWorker = direction == Direction.JOBS_FOR_WORKER;
    boolean client = isClient();
    MatchList stored;
    try {
      stored = results.find(direction, id)
          .orElseThrow(() -> new NotFoundException(forWorker ? "recommendations for worker" : "recommendations for job", id));
    } catch (StorageException e) {
      if (!liveFallback) {
        throw e;
      }
      LOG.warn("result store unavailable; ranking " + id + " live instead", e);
      MatchQuery query = MatchQuery.top(parameters.maxLimit());
      if (client) {
        return StoredMatchesJson.live(id, clock.instant(), clientLive(direction, id, query));
      }
      MatchPage page = forWorker ? engine.topJobsFor(id, query) : engine.topWorkersFor(id, query);
      return StoredMatchesJson.live(id, clock.instant(), page);
    }
    if (!client) {
      return StoredMatchesJson.of(stored);
    }
    if (forWorker) {
      return StoredMatchesJson.live(id, clock.instant(),
          clientLive(direction, id, MatchQuery.top(parameters.maxLimit())));
    }
    Optional<Job> job = engine.job(id);
    List<Match> shown = job.isEmpty() ? List.of() : shownToClient(stored.matches(), job.get(), engine.policy());
    return StoredMatchesJson.of(stored, shown);
  }

  /** A live ranking for a client: of the worker's coarse profile, or of the job with coarse scores. */
  private List<Match> clientLive(Direction direction, String id, MatchQuery query) {
    if (direction == Direction.JOBS_FOR_WORKER) {
      return engine.topJobsFor(disclosure.coarsen(requireWorker(id)), query).matches();
    }
    Job job = requireJob(id);
    return shownToClient(engine.topWorkersFor(job, query).matches(), job, engine.policy());
  }

  private MatchPage shownToClient(MatchPage page, Job job, ScoringPolicy policy) {
    return new MatchPage(shownToClient(page.matches(), job, policy), page.next());
  }

  /**
   * The matches of workers ranked for {@code job} as a client is shown them: in the same order,
   * each with the scores of the worker's coarse profile; a worker no longer indexed is left out.
   */
  private List<Match> shownToClient(List<Match> matches, Job job, ScoringPolicy policy) {
    List<Match> shown = new ArrayList<>(matches.size());
    for (Match m : matches) {
      engine.worker(m.id()).ifPresent(w -> shown.add(disclosure.match(m, w, job, policy)));
    }
    return shown;
  }

  private ScoringPolicy policyOf(MatchQuery query) {
    return query.policy() == null ? engine.policy() : query.policy();
  }

  private Worker requireWorker(String id) {
    return engine.worker(id).orElseThrow(() -> new NotFoundException(EntityKind.WORKER, id));
  }

  private Job requireJob(String id) {
    return engine.job(id).orElseThrow(() -> new NotFoundException(EntityKind.JOB, id));
  }

  /** Whether the current request is a client's; false outside a request and with security off. */
  private static boolean isClient() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      return ApiPrincipal.of(attributes.getRequest()).map(p -> p.role() == ApiRole.CLIENT).orElse(false);
    }
    return false;
  }

  /**
   * The ranking a client's cursor belongs to: the endpoint, the subject and its content, and the
   * parameters that change the ranking. A cursor of another ranking does not open, so it cannot
   * be used to compare scores across rankings (for example across two positions of a job).
   */
  private static String clientContext(String endpoint, String subject, String content, @Nullable String preset,
      @Nullable List<String> employerIds, @Nullable List<String> skills, @Nullable String from, @Nullable String to) {
    StringBuilder b = new StringBuilder("client");
    for (Object part : new Object[] {endpoint, subject, content, preset, employerIds, skills, from, to}) {
      String text = String.valueOf(part);
      b.append('|').append(text.length()).append(':').append(text);
    }
    return b.toString();
  }

  /** Everything of a job that its ranking of workers depends on. */
  private static String fingerprint(Job job) {
    return job.employerId() + "|" + job.location() + "|" + job.pay() + "|" + job.requiredSkills() + "|"
        + job.preferredSkills() + "|" + job.shifts() + "|" + job.headcount() + "|" + job.open();
  }
}
