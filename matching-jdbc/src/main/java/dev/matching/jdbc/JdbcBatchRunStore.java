package dev.matching.jdbc;

import dev.matching.model.InvalidArgumentException;
import dev.matching.model.internal.Checks;
import dev.matching.spi.BatchConflictException;
import dev.matching.spi.BatchRun;
import dev.matching.spi.BatchRunStore;
import dev.matching.spi.BatchState;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.NewBatchRun;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.PartitionState;
import dev.matching.spi.PartitionStatus;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * {@link BatchRunStore} on the {@code batch_runs} and {@code batch_partitions} tables.
 * Thread-safe, and safe for any number of nodes sharing the database.
 *
 * <ul>
 *   <li>At most one active run per type: a partial unique index on {@code type} over queued and
 *       running rows; a create or retry that would break it fails with
 *       {@link BatchConflictException}.
 *   <li>Claims pick the lowest claimable partition with {@code FOR UPDATE SKIP LOCKED}, so
 *       concurrent claimers never wait for each other nor get the same partition, and increment
 *       its fencing token.
 *   <li>Heartbeats, completions, failures and releases are conditional on the token (and on the
 *       partition still running), so a node whose lease was taken over writes nothing. A lease
 *       that expired but was not claimed again is still held.
 *   <li>Completions and failures lock the run row first, so the last partition to finish, and
 *       only it, moves the run to its final state.
 *   <li>Run counters (partitions done, failed, items) are computed from the partitions when read,
 *       so they cannot drift.
 * </ul>
 */
final class JdbcBatchRunStore implements BatchRunStore {

  private static final String ACTIVE_STATES = "('QUEUED', 'RUNNING')";

  private final Database database;
  private final String runs;
  private final String partitions;
  private final String oneActiveIndex;
  private final String selectRun;

  JdbcBatchRunStore(Database database) {
    this.database = database;
    this.runs = database.tables().qualified("batch_runs");
    this.partitions = database.tables().qualified("batch_partitions");
    this.oneActiveIndex = database.tables().prefix() + "batch_runs_one_active_idx";
    this.selectRun = "SELECT r.*, c.done, c.failed, c.items_done, c.items_failed FROM " + runs + " r,"
        + " LATERAL (SELECT count(*) FILTER (WHERE p.state = 'DONE') AS done,"
        + " count(*) FILTER (WHERE p.state = 'FAILED') AS failed,"
        + " coalesce(sum(p.items) FILTER (WHERE p.state = 'DONE'), 0) AS items_done,"
        + " coalesce(sum(p.items) FILTER (WHERE p.state = 'FAILED'), 0) AS items_failed"
        + " FROM " + partitions + " p WHERE p.run_id = r.id) c";
  }

  @Override
  public BatchRun create(NewBatchRun request, Instant now) {
    Checks.required(request, "request");
    Checks.required(now, "now");
    String id = UUID.randomUUID().toString();
    try {
      return database.inTransaction("creating a " + request.type() + " run", h -> {
        throwIfActive(h, request.type());
        h.createUpdate("INSERT INTO " + runs + " (id, type, parameters, state, partitions, triggered_by, created_at)"
                + " VALUES (:id, :type, CAST(:parameters AS jsonb), 'QUEUED', :partitions, :triggered_by, :created_at)")
            .bind("id", id)
            .bind("type", request.type())
            .bind("parameters", DomainJson.stringMap(request.parameters()))
            .bind("partitions", request.partitions().size())
            .bind("triggered_by", request.triggeredBy())
            .bind("created_at", SqlValues.timestamp(now))
            .execute();
        h.createUpdate("INSERT INTO " + partitions + " (run_id, partition, spec, state)"
                + " SELECT :id, s.position - 1, s.spec, 'PENDING' FROM unnest(:specs) WITH ORDINALITY AS s(spec, position)")
            .bind("id", id)
            .bind("specs", SqlValues.array("text", request.partitions().toArray()))
            .execute();
        return run(h, id).orElseThrow();
      });
    } catch (IllegalArgumentException e) {
      throw conflictOr(e, request.type());
    }
  }

  @Override
  public Optional<BatchRun> find(String runId) {
    Checks.required(runId, "runId");
    return database.withHandle("finding run " + runId, h -> run(h, runId));
  }

  @Override
  public List<BatchRun> list(@Nullable String type, int limit) {
    PageLimit.check(limit);
    return database.withHandle("listing runs", h -> {
      Query query = h.createQuery(selectRun + (type == null ? "" : " WHERE r.type = :type")
          + " ORDER BY r.created_at DESC, r.created_seq DESC LIMIT :limit").bind("limit", limit);
      if (type != null) {
        query.bind("type", type);
      }
      return query.map((rs, ctx) -> run(rs)).list();
    });
  }

  @Override
  public Optional<BatchRun> active(String type) {
    Checks.required(type, "type");
    return database.withHandle("finding the active " + type + " run", h -> activeRun(h, type));
  }

  @Override
  public Optional<PartitionLease> claim(String runId, String nodeId, Instant now, Duration leaseFor) {
    SpiArguments.claim(runId, nodeId, now, leaseFor);
    return database.inTransaction("claiming a partition of run " + runId, h -> {
      Optional<PartitionLease> lease = h.createQuery("UPDATE " + partitions + " p SET state = 'RUNNING', owner = :node,"
              + " token = p.token + 1, lease_expires_at = :until, attempts = p.attempts + 1"
              + " WHERE (p.run_id, p.partition) = (SELECT c.run_id, c.partition FROM " + partitions + " c"
              + " WHERE c.run_id = :run AND (c.state = 'PENDING' OR (c.state = 'RUNNING' AND c.lease_expires_at <= :now))"
              + " AND EXISTS (SELECT 1 FROM " + runs + " r WHERE r.id = c.run_id AND r.state IN " + ACTIVE_STATES + ")"
              + " ORDER BY c.partition LIMIT 1 FOR UPDATE SKIP LOCKED)"
              + " RETURNING p.run_id, p.partition, p.spec, p.owner, p.token, p.lease_expires_at")
          .bind("node", nodeId)
          .bind("until", SqlValues.timestamp(now.plus(leaseFor)))
          .bind("now", SqlValues.timestamp(now))
          .bind("run", runId)
          .map((rs, ctx) -> lease(rs))
          .findOne();
      if (lease.isPresent()) {
        h.createUpdate("UPDATE " + runs + " SET state = 'RUNNING', started_at = :now WHERE id = :run AND state = 'QUEUED'")
            .bind("now", SqlValues.timestamp(now))
            .bind("run", runId)
            .execute();
      }
      return lease;
    });
  }

  @Override
  public PartitionLease heartbeat(PartitionLease lease, Instant now, Duration leaseFor) {
    SpiArguments.heartbeat(lease, now, leaseFor);
    return database.inTransaction("renewing the lease on " + describe(lease), h ->
        h.createQuery("UPDATE " + partitions + " p SET lease_expires_at = :until WHERE " + heldBy()
                + " RETURNING p.run_id, p.partition, p.spec, p.owner, p.token, p.lease_expires_at")
            .bind("until", SqlValues.timestamp(now.plus(leaseFor)))
            .bindMap(leaseKey(lease))
            .map((rs, ctx) -> lease(rs))
            .findOne()
            .orElseThrow(() -> lost(lease)));
  }

  @Override
  public BatchRun complete(PartitionLease lease, long items, Instant now) {
    return finishPartition(lease, PartitionState.DONE, null, items, now);
  }

  @Override
  public BatchRun fail(PartitionLease lease, String reason, long items, Instant now) {
    Checks.required(reason, "reason");
    return finishPartition(lease, PartitionState.FAILED, reason, items, now);
  }

  @Override
  public void release(PartitionLease lease) {
    Checks.required(lease, "lease");
    database.withHandle("releasing " + describe(lease), h ->
        h.createUpdate("UPDATE " + partitions + " p SET state = 'PENDING', lease_expires_at = NULL WHERE " + heldBy())
            .bindMap(leaseKey(lease))
            .execute());
  }

  @Override
  public List<PartitionStatus> partitions(String runId) {
    Checks.required(runId, "runId");
    return database.withHandle("listing the partitions of run " + runId, h ->
        h.createQuery("SELECT * FROM " + partitions + " WHERE run_id = :run ORDER BY partition")
            .bind("run", runId)
            .map((rs, ctx) -> new PartitionStatus(rs.getString("run_id"), rs.getInt("partition"), rs.getString("spec"),
                PartitionState.valueOf(rs.getString("state")), rs.getString("owner"), rs.getLong("token"),
                SqlValues.instantOrNull(rs, "lease_expires_at"), rs.getInt("attempts"), rs.getLong("items"),
                rs.getString("error")))
            .list());
  }

  @Override
  public BatchRun finish(String runId, BatchState state, @Nullable String error, Instant now) {
    SpiArguments.finish(runId, state, now);
    return database.inTransaction("finishing run " + runId, h -> {
      int finished = h.createUpdate("UPDATE " + runs + " SET state = :state, error = :error, finished_at = :now"
              + " WHERE id = :run AND state IN " + ACTIVE_STATES)
          .bind("state", state.name())
          .bind("error", error)
          .bind("now", SqlValues.timestamp(now))
          .bind("run", runId)
          .execute();
      if (finished > 0) {
        h.createUpdate("UPDATE " + partitions + " SET state = 'PENDING', lease_expires_at = NULL"
                + " WHERE run_id = :run AND state = 'RUNNING'")
            .bind("run", runId)
            .execute();
      }
      return run(h, runId).orElseThrow(() -> unknownRun(runId));
    });
  }

  @Override
  public BatchRun retry(String runId, Instant now) {
    Checks.required(runId, "runId");
    Checks.required(now, "now");
    String type = find(runId).orElseThrow(() -> unknownRun(runId)).type(); // a run's type never changes
    try {
      return database.inTransaction("retrying run " + runId, h -> {
        BatchRun run = lockRun(h, runId).orElseThrow(() -> unknownRun(runId));
        Checks.check(run.state() == BatchState.FAILED || run.state() == BatchState.CANCELLED, "runId",
            "run " + runId + " is " + run.state() + "; only failed or cancelled runs can be retried");
        throwIfActive(h, type);
        h.createUpdate("UPDATE " + runs + " SET state = 'QUEUED', started_at = NULL, finished_at = NULL,"
                + " error = NULL WHERE id = :run")
            .bind("run", runId)
            .execute();
        h.createUpdate("UPDATE " + partitions + " SET state = 'PENDING', lease_expires_at = NULL, error = NULL,"
                + " items = 0 WHERE run_id = :run AND state <> 'DONE'")
            .bind("run", runId)
            .execute();
        return run(h, runId).orElseThrow();
      });
    } catch (IllegalArgumentException e) {
      throw conflictOr(e, type);
    }
  }

  @Override
  public long deleteFinishedBefore(Instant cutoff) {
    Checks.required(cutoff, "cutoff");
    return database.withHandle("deleting runs finished before " + cutoff, h ->
        (long) h.createUpdate("DELETE FROM " + runs + " WHERE state NOT IN " + ACTIVE_STATES
                + " AND finished_at < :cutoff")
            .bind("cutoff", SqlValues.timestamp(cutoff))
            .execute());
  }

  private BatchRun finishPartition(PartitionLease lease, PartitionState state, @Nullable String reason, long items,
      Instant now) {
    Checks.required(lease, "lease");
    SpiArguments.items(items);
    Checks.required(now, "now");
    return database.inTransaction("marking " + describe(lease) + " " + state, h -> {
      lockRun(h, lease.runId()).orElseThrow(() -> lost(lease));
      int updated = h.createUpdate("UPDATE " + partitions + " p SET state = :state, items = :items, error = :error,"
              + " lease_expires_at = NULL WHERE " + heldBy())
          .bind("state", state.name())
          .bind("items", items)
          .bind("error", reason)
          .bindMap(leaseKey(lease))
          .execute();
      if (updated == 0) {
        throw lost(lease);
      }
      h.createUpdate("UPDATE " + runs + " r SET finished_at = :now,"
              + " state = CASE WHEN f.failed = 0 THEN 'SUCCEEDED' ELSE 'FAILED' END,"
              + " error = CASE WHEN f.failed = 0 THEN NULL ELSE f.failed || ' of ' || r.partitions"
              + " || ' partitions failed, first: ' || f.first_error END"
              + " FROM (SELECT count(*) FILTER (WHERE state IN ('PENDING', 'RUNNING')) AS open,"
              + " count(*) FILTER (WHERE state = 'FAILED') AS failed,"
              + " (array_agg(error ORDER BY partition) FILTER (WHERE state = 'FAILED'))[1] AS first_error"
              + " FROM " + partitions + " WHERE run_id = :run) f WHERE r.id = :run AND f.open = 0")
          .bind("now", SqlValues.timestamp(now))
          .bind("run", lease.runId())
          .execute();
      return run(h, lease.runId()).orElseThrow();
    });
  }

  /** The condition that the lease bound by {@link #leaseKey} is still held and its run active. */
  private String heldBy() {
    return "p.run_id = :run AND p.partition = :partition AND p.token = :token AND p.state = 'RUNNING'"
        + " AND EXISTS (SELECT 1 FROM " + runs + " r WHERE r.id = p.run_id AND r.state IN " + ACTIVE_STATES + ")";
  }

  private static java.util.Map<String, Object> leaseKey(PartitionLease lease) {
    return java.util.Map.of("run", lease.runId(), "partition", lease.partition(), "token", lease.token());
  }

  private Optional<BatchRun> run(Handle h, String runId) {
    return h.createQuery(selectRun + " WHERE r.id = :run").bind("run", runId).map((rs, ctx) -> run(rs)).findOne();
  }

  private Optional<BatchRun> lockRun(Handle h, String runId) {
    Optional<String> locked = h.createQuery("SELECT id FROM " + runs + " WHERE id = :run FOR UPDATE")
        .bind("run", runId)
        .mapTo(String.class)
        .findOne();
    return locked.isEmpty() ? Optional.empty() : run(h, runId);
  }

  private Optional<BatchRun> activeRun(Handle h, String type) {
    return h.createQuery(selectRun + " WHERE r.type = :type AND r.state IN " + ACTIVE_STATES)
        .bind("type", type)
        .map((rs, ctx) -> run(rs))
        .findOne();
  }

  private void throwIfActive(Handle h, String type) {
    Optional<BatchRun> active = activeRun(h, type);
    if (active.isPresent()) {
      throw new BatchConflictException(type, active.get().id());
    }
  }

  /**
   * A {@link BatchConflictException} when {@code e} is the one-active-run index refusing a row
   * (a concurrent create or retry won the race), else {@code e}.
   */
  private RuntimeException conflictOr(IllegalArgumentException e, String type) {
    if (!Database.isUniqueViolation(e, oneActiveIndex)) {
      return e;
    }
    String activeId = database.withHandle("finding the active " + type + " run", h -> activeRun(h, type))
        .map(BatchRun::id)
        .orElse("(finished meanwhile)");
    BatchConflictException conflict = new BatchConflictException(type, activeId);
    conflict.initCause(e);
    return conflict;
  }

  private static BatchRun run(ResultSet rs) throws SQLException {
    return new BatchRun(rs.getString("id"), rs.getString("type"), DomainJson.stringMap(rs.getString("parameters")),
        BatchState.valueOf(rs.getString("state")), rs.getInt("partitions"), rs.getInt("done"), rs.getInt("failed"),
        rs.getLong("items_done"), rs.getLong("items_failed"), rs.getString("triggered_by"),
        SqlValues.instant(rs, "created_at"), SqlValues.instantOrNull(rs, "started_at"),
        SqlValues.instantOrNull(rs, "finished_at"), rs.getString("error"));
  }

  private static PartitionLease lease(ResultSet rs) throws SQLException {
    return new PartitionLease(rs.getString("run_id"), rs.getInt("partition"), rs.getString("spec"),
        rs.getString("owner"), rs.getLong("token"), SqlValues.instant(rs, "lease_expires_at"));
  }

  private static String describe(PartitionLease lease) {
    return "partition " + lease.partition() + " of run " + lease.runId() + " (token " + lease.token() + ")";
  }

  private static LeaseLostException lost(PartitionLease lease) {
    return new LeaseLostException("lease lost on " + describe(lease)
        + ": claimed again with a newer token, or the run is no longer active");
  }

  private static InvalidArgumentException unknownRun(String runId) {
    return Checks.fail("runId", "no run " + runId);
  }
}
