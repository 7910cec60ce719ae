package dev.matching.jdbc;

import dev.matching.model.internal.Checks;
import dev.matching.spi.Change;
import dev.matching.spi.EntityStore;
import dev.matching.spi.VersionConflictException;
import dev.matching.spi.Versioned;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * {@link EntityStore} on one PostgreSQL table: query columns plus the entity as JSONB, a version
 * column for optimistic concurrency and a change-log table. Thread-safe: every call runs on a
 * connection of its own.
 *
 * <p><b>Versions.</b> A create writes version 1, every write of an existing row adds one, in the
 * same statement, so two writers can never both win: a conditional write whose version is stale
 * changes no row and fails with {@link VersionConflictException}, inside its transaction, which
 * is rolled back. A deleted id that is created again starts at version 1.
 *
 * <p><b>Change log.</b> Each write appends one change per entity to the change table in the same
 * transaction as the entity write. Right before the append the transaction takes an advisory
 * lock (transaction level, keyed by the change table) that it holds until it commits. Sequence
 * numbers are therefore drawn in commit order: a change that becomes visible always has a larger
 * sequence than every change visible before it, so {@link #changesSince} never skips one that
 * commits late (the classic pitfall of plain sequences, whose values become visible out of
 * order). The lock is the last one a write takes, so it cannot deadlock with row locks; the price
 * is that the append-and-commit tail of concurrent writes to one store runs one at a time.
 * Rolled-back writes leave gaps in the sequence, which readers ignore.
 */
abstract class JdbcEntityStore<T> implements EntityStore<T> {

  private static final int LOCK_CLASS = 0x6d636867; // "mchg"

  private final Database database;
  private final EntityMapping<T> mapping;
  private final Clock clock;
  private final int fetchSize;
  private final int copyThreshold;
  private final String table;
  private final String changeTable;
  private final int changeLockKey;
  private final String upsertOneSql;
  private final String insertIfAbsentSql;
  private final String updateIfVersionSql;
  private final String columnList;
  private final String columnParameters;
  private final String onConflictUpdate;

  JdbcEntityStore(Database database, EntityMapping<T> mapping, Clock clock, int fetchSize, int copyThreshold) {
    this.database = database;
    this.mapping = mapping;
    this.clock = clock;
    this.fetchSize = fetchSize;
    this.copyThreshold = copyThreshold;
    this.table = database.tables().qualified(mapping.table());
    this.changeTable = database.tables().qualified(mapping.changeTable());
    this.changeLockKey = changeTable.hashCode();
    List<String> names = mapping.columns().stream().map(EntityMapping.Column::name).collect(Collectors.toList());
    String columnList = String.join(", ", names);
    String params = names.stream().map(n -> ":" + n).collect(Collectors.joining(", "));
    String insertOne = "INSERT INTO " + table + " (id, version, updated_at, " + columnList + ", body)"
        + " VALUES (:id, 1, :updated_at, " + params + ", CAST(:body AS jsonb))";
    String onConflictUpdate = " ON CONFLICT (id) DO UPDATE SET version = " + table + ".version + 1,"
        + " updated_at = excluded.updated_at, "
        + names.stream().map(n -> n + " = excluded." + n).collect(Collectors.joining(", "))
        + ", body = excluded.body";
    this.upsertOneSql = insertOne + onConflictUpdate + " RETURNING version";
    this.insertIfAbsentSql = insertOne + " ON CONFLICT (id) DO NOTHING RETURNING version";
    this.updateIfVersionSql = "UPDATE " + table + " SET version = version + 1, updated_at = :updated_at, "
        + names.stream().map(n -> n + " = :" + n).collect(Collectors.joining(", "))
        + ", body = CAST(:body AS jsonb) WHERE id = :id AND version = :expected RETURNING version";
    this.columnList = columnList;
    this.columnParameters = params;
    this.onConflictUpdate = onConflictUpdate;
  }

  @Override
  public Optional<Versioned<T>> find(String id) {
    Checks.required(id, "id");
    return database.withHandle("finding " + mapping.kind().label() + " " + id, h ->
        h.createQuery("SELECT version, updated_at, body FROM " + table + " WHERE id = :id")
            .bind("id", id)
            .map((rs, ctx) -> versioned(rs))
            .findOne());
  }

  @Override
  public Versioned<T> upsert(T entity) {
    Checks.required(entity, "entity");
    String id = mapping.id(entity);
    Instant now = now();
    return database.inTransaction("upserting " + mapping.kind().label() + " " + id, h -> {
      long version = bindOne(h.createQuery(upsertOneSql), entity, now).mapTo(Long.class).one();
      appendChanges(h, List.of(id), Change.Type.UPSERT, now);
      return new Versioned<>(entity, version, now);
    });
  }

  @Override
  public Versioned<T> upsert(T entity, long expectedVersion) {
    Checks.required(entity, "entity");
    SpiArguments.expectedVersion(expectedVersion);
    String id = mapping.id(entity);
    Instant now = now();
    return database.inTransaction("upserting " + mapping.kind().label() + " " + id, h -> {
      Optional<Long> written = expectedVersion == 0
          ? bindOne(h.createQuery(insertIfAbsentSql), entity, now).mapTo(Long.class).findOne()
          : bindOne(h.createQuery(updateIfVersionSql), entity, now).bind("expected", expectedVersion)
              .mapTo(Long.class).findOne();
      if (written.isEmpty()) {
        throw new VersionConflictException(id, expectedVersion, currentVersion(h, id));
      }
      appendChanges(h, List.of(id), Change.Type.UPSERT, now);
      return new Versioned<>(entity, written.get(), now);
    });
  }

  @Override
  public List<Versioned<T>> upsertAll(List<T> entities) {
    List<T> all = Checks.listOf(entities, "entities");
    List<String> ids = SpiArguments.distinctIds(all, mapping::id);
    if (all.isEmpty()) {
      return List.of();
    }
    Instant now = now();
    return database.inTransaction("upserting " + all.size() + " " + mapping.kind().label() + "s", h -> {
      Map<String, Long> versions = new HashMap<>(all.size() * 2);
      Query upsert = all.size() <= copyThreshold ? upsertByArrays(h, all, ids) : upsertByCopy(h, all, ids);
      upsert.bind("updated_at", SqlValues.timestamp(now))
          .map((rs, ctx) -> Map.entry(rs.getString("id"), rs.getLong("version")))
          .forEach(e -> versions.put(e.getKey(), e.getValue()));
      appendChanges(h, ids, Change.Type.UPSERT, now);
      List<Versioned<T>> stored = new ArrayList<>(all.size());
      for (int i = 0; i < all.size(); i++) {
        stored.add(new Versioned<>(all.get(i), versions.get(ids.get(i)), now));
      }
      return stored;
    });
  }

  /** One statement with one array parameter per column, unnested into rows. */
  private Query upsertByArrays(Handle h, List<T> entities, List<String> ids) {
    Query query = h.createQuery(upsertSelectSql("unnest(:id, " + columnParameters + ", :body) AS r(id, "
        + columnList + ", body)"))
        .bind("id", SqlValues.array("text", ids.toArray()))
        .bind("body", SqlValues.array("text", entities.stream().map(mapping::toJson).toArray()));
    for (EntityMapping.Column<T> column : mapping.columns()) {
      Object[] values = new Object[entities.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = column.value().apply(entities.get(i));
      }
      query.bind(column.name(), SqlValues.array(column.sqlType(), values));
    }
    return query;
  }

  /**
   * Streams the rows with {@code COPY} into a temporary table dropped at commit, while they are
   * encoded, then upserts from it in one statement: the fastest bulk path PostgreSQL offers that
   * still allows {@code ON CONFLICT}.
   */
  private Query upsertByCopy(Handle h, List<T> entities, List<String> ids) {
    String stage = "matching_stage_" + mapping.table();
    h.execute("CREATE TEMPORARY TABLE " + stage + " (id text, " + mapping.columns().stream()
        .map(c -> c.name() + " " + c.sqlType()).collect(Collectors.joining(", ")) + ", body jsonb) ON COMMIT DROP");
    try {
      CopyIn copy = h.getConnection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + stage + " (id, " + columnList + ", body) FROM STDIN");
      try (Writer out = new BufferedWriter(new OutputStreamWriter(
          new PGCopyOutputStream(copy, 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
        for (int i = 0; i < entities.size(); i++) {
          T entity = entities.get(i);
          CopyText.field(out, ids.get(i));
          for (EntityMapping.Column<T> column : mapping.columns()) {
            out.write('\t');
            CopyText.field(out, column.value().apply(entity));
          }
          out.write('\t');
          CopyText.field(out, mapping.toJson(entity));
          out.write('\n');
        }
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    } catch (IOException e) {
      throw new UnableToExecuteStatementException("streaming rows with COPY", e, null);
    }
    return h.createQuery(upsertSelectSql(stage + " AS r"));
  }

  private String upsertSelectSql(String source) {
    return "INSERT INTO " + table + " (id, version, updated_at, " + columnList + ", body)"
        + " SELECT r.id, 1, :updated_at, " + mapping.columns().stream().map(c -> "r." + c.name())
        .collect(Collectors.joining(", ")) + ", CAST(r.body AS jsonb) FROM " + source
        + onConflictUpdate + " RETURNING id, version";
  }

  @Override
  public boolean delete(String id) {
    Checks.required(id, "id");
    return database.inTransaction("deleting " + mapping.kind().label() + " " + id, h -> {
      int deleted = h.createUpdate("DELETE FROM " + table + " WHERE id = :id").bind("id", id).execute();
      if (deleted > 0) {
        appendChanges(h, List.of(id), Change.Type.DELETE, now());
      }
      return deleted > 0;
    });
  }

  @Override
  public void delete(String id, long expectedVersion) {
    Checks.required(id, "id");
    SpiArguments.expectedVersionToDelete(expectedVersion);
    database.inTransaction("deleting " + mapping.kind().label() + " " + id, h -> {
      int deleted = h.createUpdate("DELETE FROM " + table + " WHERE id = :id AND version = :expected")
          .bind("id", id)
          .bind("expected", expectedVersion)
          .execute();
      if (deleted == 0) {
        throw new VersionConflictException(id, expectedVersion, currentVersion(h, id));
      }
      appendChanges(h, List.of(id), Change.Type.DELETE, now());
      return null;
    });
  }

  @Override
  public List<Versioned<T>> list(@Nullable String afterId, int limit) {
    PageLimit.check(limit);
    return database.withHandle("listing " + mapping.kind().label() + "s", h -> {
      String where = afterId == null ? "" : " WHERE id > :after";
      Query query = h.createQuery("SELECT version, updated_at, body FROM " + table + where + " ORDER BY id LIMIT :limit")
          .bind("limit", limit);
      if (afterId != null) {
        query.bind("after", afterId);
      }
      return query.map((rs, ctx) -> versioned(rs)).list();
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads with one statement in a transaction, through a cursor fetching {@code fetchSize}
   * rows per round trip, so memory stays flat whatever the table size. One statement has one
   * snapshot: the scan sees the table as it was when the scan started, in no particular order.
   * An exception thrown by {@code sink} ends the scan and propagates unchanged. The scan holds
   * one connection while {@code sink} runs, so a sink that calls this store needs a data source
   * that can hand out a second one.
   */
  @Override
  public void forEach(Consumer<? super T> sink) {
    Checks.required(sink, "sink");
    database.inTransaction("streaming " + mapping.kind().label() + "s", h -> {
      h.createQuery("SELECT body FROM " + table)
          .setFetchSize(fetchSize)
          .map((rs, ctx) -> mapping.fromJson(rs.getString("body")))
          .forEach(sink);
      return null;
    });
  }

  @Override
  public long count() {
    return database.withHandle("counting " + mapping.kind().label() + "s", h ->
        h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  @Override
  public List<Change> changesSince(long afterSequence, int limit) {
    SpiArguments.afterSequence(afterSequence);
    PageLimit.check(limit);
    return database.withHandle("reading " + mapping.kind().label() + " changes", h ->
        h.createQuery("SELECT sequence, entity_id, change_type FROM " + changeTable
                + " WHERE sequence > :after ORDER BY sequence LIMIT :limit")
            .bind("after", afterSequence)
            .bind("limit", limit)
            .map((rs, ctx) -> new Change(rs.getLong("sequence"), rs.getString("entity_id"),
                "D".equals(rs.getString("change_type")) ? Change.Type.DELETE : Change.Type.UPSERT))
            .list());
  }

  @Override
  public long lastSequence() {
    return database.withHandle("reading the last " + mapping.kind().label() + " change", h ->
        h.createQuery("SELECT coalesce(max(sequence), 0) FROM " + changeTable).mapTo(Long.class).one());
  }

  private Instant now() {
    return SqlValues.truncate(clock.instant());
  }

  private <S extends SqlStatement<S>> S bindOne(S statement, T entity, Instant now) {
    statement.bind("id", mapping.id(entity))
        .bind("updated_at", SqlValues.timestamp(now))
        .bind("body", mapping.toJson(entity));
    for (EntityMapping.Column<T> column : mapping.columns()) {
      Object value = column.value().apply(entity);
      statement.bind(column.name(), (position, ps, ctx) -> {
        if (value == null) {
          ps.setNull(position, column.jdbcType());
        } else {
          ps.setObject(position, value, column.jdbcType());
        }
      });
    }
    return statement;
  }

  /** Appends one change per id, in order, under the change-log lock (see the class comment). */
  private void appendChanges(Handle h, List<String> ids, Change.Type type, Instant at) {
    Database.lockForTransaction(h, LOCK_CLASS, changeLockKey);
    h.createUpdate("INSERT INTO " + changeTable + " (entity_id, change_type, changed_at)"
            + " SELECT c.id, :type, :at FROM unnest(:ids) WITH ORDINALITY AS c(id, position) ORDER BY c.position")
        .bind("ids", SqlValues.array("text", ids.toArray()))
        .bind("type", type == Change.Type.DELETE ? "D" : "U")
        .bind("at", SqlValues.timestamp(at))
        .execute();
  }

  private @Nullable Long currentVersion(Handle h, String id) {
    return h.createQuery("SELECT version FROM " + table + " WHERE id = :id")
        .bind("id", id)
        .mapTo(Long.class)
        .findOne()
        .orElse(null);
  }

  private Versioned<T> versioned(ResultSet rs) throws SQLException {
    return new Versioned<>(mapping.fromJson(rs.getString("body")), rs.getLong("version"),
        SqlValues.instant(rs, "updated_at"));
  }
}
