package dev.matching.spring.web;

import dev.matching.model.EntityKind;
import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.spi.Versioned;
import dev.matching.spring.web.ResourceJson.JobJson;
import dev.matching.spring.web.ResourceJson.WorkerJson;
import dev.matching.spring.web.ResultJson.BulkResultJson;
import dev.matching.spring.web.ResultJson.ListPageJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/jobs} and {@code /api/v1/workers}: idempotent upsert ({@code PUT}, with
 * {@code If-Match} for optimistic concurrency and {@code If-None-Match: *} for create-only),
 * read with {@code ETag}, delete, keyset-paginated list, and bulk import. Bodies are bound field
 * by field ({@link JsonBody}), so every bad field of a body is reported at once.
 */
@Tag(name = "jobs and workers", description = "Storage of jobs and workers")
@RestController
@RequestMapping("/api/v1")
public class EntityController implements MatchingApiController {
  private final EntityEndpoints<Job, JobJson> jobs;
  private final EntityEndpoints<Worker, WorkerJson> workers;
  private final MatchingEngine engine;
  private final JobWriteAuthorizer jobWriteAuthorizer;

  /** Endpoints over {@code engine}; every write is allowed. */
  public EntityController(MatchingEngine engine, DomainMapper mapper, int maxBulkRecords, int maxPage) {
    this(engine, mapper, maxBulkRecords, maxPage, JobWriteAuthorizer.ALLOW_ALL);
  }

  /** Endpoints over {@code engine}; job writes are checked by {@code jobWriteAuthorizer} first. */
  public EntityController(MatchingEngine engine, DomainMapper mapper, int maxBulkRecords, int maxPage,
      JobWriteAuthorizer jobWriteAuthorizer) {
    this.engine = engine;
    this.jobWriteAuthorizer = jobWriteAuthorizer;
    this.jobs = new EntityEndpoints<>(EntityKind.JOB, engine.jobStore(), new EntityEndpoints.Writes<>() {
      @Override
      public Versioned<Job> upsert(Job entity) {
        return engine.upsertJob(entity);
      }

      @Override
      public Versioned<Job> upsert(Job entity, long expectedVersion) {
        return engine.upsertJob(entity, expectedVersion);
      }

      @Override
      public List<Versioned<Job>> upsertAll(List<Job> entities) {
        return engine.upsertJobs(entities);
      }

      @Override
      public boolean remove(String id) {
        return engine.removeJob(id);
      }

      @Override
      public void remove(String id, long expectedVersion) {
        engine.removeJob(id, expectedVersion);
      }
    }, mapper::toJob, mapper::toJobJson, JobJson::id,
        (id, record) -> jobWriteAuthorizer.check(id, storedEmployerOf(id), record.employerId()),
        maxBulkRecords, maxPage);
    this.workers = new EntityEndpoints<>(EntityKind.WORKER, engine.workerStore(), new EntityEndpoints.Writes<>() {
      @Override
      public Versioned<Worker> upsert(Worker entity) {
        return engine.upsertWorker(entity);
      }

      @Override
      public Versioned<Worker> upsert(Worker entity, long expectedVersion) {
        return engine.upsertWorker(entity, expectedVersion);
      }

      @Override
      public List<Versioned<Worker>> upsertAll(List<Worker> entities) {
        return engine.upsertWorkers(entities);
      }

      @Override
      public boolean remove(String id) {
        return engine.removeWorker(id);
      }

      @Override
      public void remove(String id, long expectedVersion) {
        engine.removeWorker(id, expectedVersion);
      }
    }, mapper::toWorker, mapper::toWorkerJson, WorkerJson::id, (id, record) -> { }, maxBulkRecords, maxPage);
  }

  /** Creates or replaces a job (201 when created, 200 when replaced). */
  @Operation(summary = "Create or replace a job",
      description = "Idempotent upsert: 201 when created, 200 when replaced, the version as ETag. If-Match: \"<version>\" for optimistic concurrency (412 when it does not hold), If-None-Match: * to create only (409 when the id exists). A client key writes only jobs of its own employer.")
  @PutMapping("/jobs/{id}")
  public ResponseEntity<JobJson> putJob(@PathVariable String id, @RequestBody
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = JobJson.class)))
      JsonBody<JobJson> body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
    jobWriteAuthorizer.check(id, storedEmployerOf(id), body.value() == null ? null : body.value().employerId());
    return jobs.put(id, body, ifMatch, ifNoneMatch);
  }

  /** A job with its version as ETag. */
  @Operation(summary = "Read a job",
      description = "The stored job with its version as ETag.")
  @GetMapping("/jobs/{id}")
  public ResponseEntity<JobJson> getJob(@PathVariable String id) {
    return jobs.get(id);
  }

  /** Deletes a job; with {@code If-Match}, only at that version. */
  @Operation(summary = "Delete a job",
      description = "204 when deleted, 404 when absent; with If-Match only at that version (412 otherwise).")
  @DeleteMapping("/jobs/{id}")
  public ResponseEntity<Void> deleteJob(@PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    jobWriteAuthorizer.check(id, storedEmployerOf(id), null);
    return jobs.delete(id, ifMatch);
  }

  private @Nullable String storedEmployerOf(String jobId) {
    return engine.jobStore().find(jobId).map(stored -> stored.value().employerId()).orElse(null);
  }

  /** Jobs in id order, {@code limit} at a time after {@code after}. */
  @Operation(summary = "List jobs",
      description = "Keyset pages in id order: next_after is the after of the next page.")
  @GetMapping("/jobs")
  public ListPageJson<JobJson> listJobs(@RequestParam(required = false) @Nullable String after,
      @RequestParam(required = false) @Nullable Integer limit) {
    return jobs.list(after, limit);
  }

  /**
   * Stores every valid job of the array in one step; reports each rejected record and why,
   * including a record the caller may not write (the job writes check of each record).
   */
  @Operation(summary = "Import jobs in bulk",
      description = "A JSON array of records, each with its id: the valid ones are stored in one atomic write, each rejected record is reported with its index, id and field errors.")
  @PostMapping("/jobs/bulk")
  public BulkResultJson importJobs(@RequestBody
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(array = @ArraySchema(schema = @Schema(implementation = JobJson.class))))
      List<@Nullable JsonBody<JobJson>> records) {
    return jobs.bulk(records);
  }

  /** Creates or replaces a worker (201 when created, 200 when replaced). */
  @Operation(summary = "Create or replace a worker",
      description = "Idempotent upsert: 201 when created, 200 when replaced, the version as ETag; If-Match and If-None-Match as for jobs.")
  @PutMapping("/workers/{id}")
  public ResponseEntity<WorkerJson> putWorker(@PathVariable String id, @RequestBody
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = WorkerJson.class)))
      JsonBody<WorkerJson> body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
    return workers.put(id, body, ifMatch, ifNoneMatch);
  }

  /** A worker with its version as ETag. */
  @Operation(summary = "Read a worker",
      description = "The stored worker with its version as ETag.")
  @GetMapping("/workers/{id}")
  public ResponseEntity<WorkerJson> getWorker(@PathVariable String id) {
    return workers.get(id);
  }

  /** Deletes a worker; with {@code If-Match}, only at that version. */
  @Operation(summary = "Delete a worker",
      description = "204 when deleted, 404 when absent; with If-Match only at that version (412 otherwise).")
  @DeleteMapping("/workers/{id}")
  public ResponseEntity<Void> deleteWorker(@PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    return workers.delete(id, ifMatch);
  }

  /** Workers in id order, {@code limit} at a time after {@code after}. */
  @Operation(summary = "List workers",
      description = "Keyset pages in id order: next_after is the after of the next page.")
  @GetMapping("/workers")
  public ListPageJson<WorkerJson> listWorkers(@RequestParam(required = false) @Nullable String after,
      @RequestParam(required = false) @Nullable Integer limit) {
    return workers.list(after, limit);
  }

  /** Stores every valid worker of the array in one step; reports each rejected record and why. */
  @Operation(summary = "Import workers in bulk",
      description = "A JSON array of records, each with its id: the valid ones are stored in one atomic write, each rejected record is reported with its index, id and field errors.")
  @PostMapping("/workers/bulk")
  public BulkResultJson importWorkers(@RequestBody
      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(array = @ArraySchema(schema = @Schema(implementation = WorkerJson.class))))
      List<@Nullable JsonBody<WorkerJson>> records) {
    return workers.bulk(records);
  }
}
