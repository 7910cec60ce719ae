package dev.matching.jdbc;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * {@link MatchResultStore} on the {@code match_lists} and {@code match_publications} tables.
 * Thread-safe.
 *
 * <p>Lists are rows keyed by (direction, subject, generation) with the matches as JSONB and their
 * ids in an indexed array for erasure. The published generation is one row per direction:
 * publishing updates it, so readers switch generations atomically, and a reader's join sees
 * either the old or the new generation, never a mix. Deleting old generations locks that row
 * first, so it cannot race a publish into deleting the generation just published.
 */
final class JdbcMatchResultStore implements MatchResultStore {

  private final Database database;
  private final Clock clock;
  private final String lists;
  private final String publications;
  private final String fences;

  JdbcMatchResultStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.lists = database.tables().qualified("match_lists");
    this.publications = database.tables().qualified("match_publications");
    this.fences = database.tables().qualified("match_fences");
  }

  @Override
  public void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> listsBySubject) {
    Rows rows = rows(direction, generation, computedAt, listsBySubject);
    if (rows.size() == 0) {
      return;
    }
    database.inTransaction("writing " + rows.size() + " " + direction + " lists of generation " + generation,
        h -> insert(h, direction, generation, computedAt, rows, null));
  }

  /**
   * {@inheritDoc}
   *
   * <p>One transaction: the fence row of the partition is raised to the writer's token (or the
   * write is refused when it holds a higher one), which also locks it against a concurrent
   * writer of the same partition; then the lower tokens' lists of the partition are deleted and
   * the lists inserted, each row carrying the partition and the token.
   */
  @Override
  public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject) {
    Checks.required(writer, "writer");
    Rows rows = rows(direction, generation, computedAt, listsBySubject);
    database.inTransaction("writing " + rows.size() + " " + direction + " lists of generation " + generation
        + " partition " + writer.partition(), h -> {
      Optional<Long> raised = h.createQuery("INSERT INTO " + fences + " AS f (direction, generation, partition_no, token)"
              + " VALUES (:direction, :generation, :partition, :token) ON CONFLICT (direction, generation, partition_no)"
              + " DO UPDATE SET token = excluded.token WHERE f.token <= excluded.token RETURNING f.token")
          .bind("direction", direction.name())
          .bind("generation", generation)
          .bind("partition", writer.partition())
          .bind("token", writer.token())
          .mapTo(Long.class)
          .findOne();
      if (raised.isEmpty()) {
        throw new LeaseLostException("partition " + writer.partition() + " of " + direction + " generation "
            + generation + " was written with a token above " + writer.token() + "; this write is stale");
      }
      h.createUpdate("DELETE FROM " + lists + " WHERE direction = :direction AND generation = :generation"
              + " AND partition_no = :partition AND writer_token < :token")
          .bind("direction", direction.name())
          .bind("generation", generation)
          .bind("partition", writer.partition())
          .bind("token", writer.token())
          .execute();
      if (rows.size() > 0) {
        insert(h, direction, generation, computedAt, rows, writer);
      }
      return null;
    });
  }

  /** The lists as column arrays, validated. */
  private static Rows rows(Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    Checks.required(computedAt, "computedAt");
    Checks.required(listsBySubject, "listsBySubject");
    int size = listsBySubject.size();
    Object[] subjects = new Object[size];
    Object[] bodies = new Object[size];
    Object[] matchIds = new Object[size];
    int i = 0;
    for (Map.Entry<String, List<Match>> e : listsBySubject.entrySet()) {
      subjects[i] = Checks.id(e.getKey(), "listsBySubject");
      List<Match> matches = Checks.listOf(e.getValue(), "listsBySubject[" + e.getKey() + "]");
      bodies[i] = DomainJson.matches(matches);
      matchIds[i] = "{" + String.join(",", matches.stream().map(m -> quoteArrayElement(m.id())).toArray(String[]::new))
          + "}";
      i++;
    }
    return new Rows(subjects, bodies, matchIds);
  }

  private int insert(Handle h, Direction direction, long generation, Instant computedAt, Rows rows,
      @Nullable PartitionLease writer) {
    return h.createUpdate("INSERT INTO " + lists + " (direction, subject_id, generation, computed_at, matches, match_ids,"
            + " partition_no, writer_token) SELECT :direction, r.subject, :generation, :computed_at, CAST(r.body AS jsonb),"
            + " CAST(r.ids AS text[]), :partition, :token FROM unnest(:subjects, :bodies, :ids) AS r(subject, body, ids)"
            + " ON CONFLICT (direction, subject_id, generation) DO UPDATE SET computed_at = excluded.computed_at,"
            + " matches = excluded.matches, match_ids = excluded.match_ids, partition_no = excluded.partition_no,"
            + " writer_token = excluded.writer_token")
        .bind("direction", direction.name())
        .bind("generation", generation)
        .bind("computed_at", SqlValues.timestamp(computedAt))
        .bind("partition", writer == null ? null : writer.partition())
        .bind("token", writer == null ? null : writer.token())
        .bind("subjects", SqlValues.array("text", rows.subjects()))
        .bind("bodies", SqlValues.array("text", rows.bodies()))
        .bind("ids", SqlValues.array("text", rows.matchIds()))
        .execute();
  }

  /** One partition's lists as the arrays {@code unnest} reads. */
  private record Rows(Object[] subjects, Object[] bodies, Object[] matchIds) {
    int size() {
      return subjects.length;
    }
  }

  @Override
  public void publish(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    database.withHandle("publishing " + direction + " generation " + generation, h ->
        h.createUpdate("UPDATE " + publications + " SET generation = :generation, published_at = :at"
                + " WHERE direction = :direction")
            .bind("generation", generation)
            .bind("at", SqlValues.timestamp(clock.instant()))
            .bind("direction", direction.name())
            .execute());
  }

  @Override
  public boolean publishIfNewer(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    return database.withHandle("publishing " + direction + " generation " + generation + " if newer", h ->
        h.createUpdate("UPDATE " + publications + " SET generation = :generation, published_at = :at"
                + " WHERE direction = :direction AND (generation IS NULL OR generation < :generation)")
            .bind("generation", generation)
            .bind("at", SqlValues.timestamp(clock.instant()))
            .bind("direction", direction.name())
            .execute() == 1);
  }

  @Override
  public OptionalLong publishedGeneration(Direction direction) {
    Checks.required(direction, "direction");
    return database.withHandle("reading the published " + direction + " generation", h -> {
      Optional<Long> generation = publishedGeneration(h, direction, "");
      return generation.isPresent() ? OptionalLong.of(generation.get()) : OptionalLong.empty();
    });
  }

  @Override
  public Optional<MatchList> find(Direction direction, String subjectId) {
    Checks.required(direction, "direction");
    Checks.id(subjectId, "subjectId");
    return database.withHandle("finding the " + direction + " list of " + subjectId, h ->
        h.createQuery("SELECT l.generation, l.computed_at, l.matches FROM " + publications + " p JOIN " + lists
                + " l ON l.direction = p.direction AND l.generation = p.generation"
                + " WHERE p.direction = :direction AND l.subject_id = :subject")
            .bind("direction", direction.name())
            .bind("subject", subjectId)
            .map((rs, ctx) -> new MatchList(direction, subjectId, rs.getLong("generation"),
                SqlValues.instant(rs, "computed_at"), DomainJson.matches(rs.getString("matches"))))
            .findOne());
  }

  @Override
  public long deleteGenerationsBefore(Direction direction, long generation) {
    Checks.required(direction, "direction");
    return database.inTransaction("deleting " + direction + " generations before " + generation, h -> {
      long published = publishedGeneration(h, direction, " FOR UPDATE").orElse(0L);
      h.createUpdate("DELETE FROM " + fences + " WHERE direction = :direction AND generation < :generation"
              + " AND generation <> :published")
          .bind("direction", direction.name())
          .bind("generation", generation)
          .bind("published", published)
          .execute();
      return (long) h.createUpdate("DELETE FROM " + lists + " WHERE direction = :direction AND generation < :generation"
              + " AND generation <> :published")
          .bind("direction", direction.name())
          .bind("generation", generation)
          .bind("published", published)
          .execute();
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One transaction: deletes the lists of {@code id}, then rewrites the matches of the lists
   * that mention it (found through the GIN index on {@code match_ids}) without it, keeping the
   * order of the others.
   */
  @Override
  public long erase(String id) {
    Checks.required(id, "id");
    return database.inTransaction("erasing " + id + " from match lists", h -> {
      long deleted = h.createUpdate("DELETE FROM " + lists + " WHERE subject_id = :id").bind("id", id).execute();
      long changed = h.createUpdate("UPDATE " + lists + " SET match_ids = array_remove(match_ids, CAST(:id AS text)),"
              + " matches = (SELECT coalesce(jsonb_agg(e.m ORDER BY e.position), CAST('[]' AS jsonb))"
              + " FROM jsonb_array_elements(matches) WITH ORDINALITY AS e(m, position) WHERE e.m ->> 'id' <> :id)"
              + " WHERE match_ids @> ARRAY[CAST(:id AS text)]")
          .bind("id", id)
          .execute();
      return deleted + changed;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>One statement. There is no index on {@code computed_at} (it would cost every batch
   * write), so this scans the table: meant for a daily retention run, not the request path.
   */
  @Override
  public long deleteComputedBefore(Instant cutoff) {
    Checks.required(cutoff, "cutoff");
    return database.withHandle("deleting lists computed before " + cutoff, h ->
        (long) h.createUpdate("DELETE FROM " + lists + " WHERE computed_at < :cutoff")
            .bind("cutoff", SqlValues.timestamp(cutoff))
            .execute());
  }

  @Override
  public List<Long> generations(Direction direction) {
    Checks.required(direction, "direction");
    return database.withHandle("reading the " + direction + " generations", h ->
        h.createQuery("SELECT DISTINCT generation FROM " + lists + " WHERE direction = :direction ORDER BY generation")
            .bind("direction", direction.name())
            .mapTo(Long.class)
            .list());
  }

  @Override
  public List<MatchList> list(Direction direction, long generation, @Nullable String afterSubjectId, int limit) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    PageLimit.check(limit);
    return database.withHandle("listing " + direction + " lists of generation " + generation, h -> {
      Query query = h.createQuery("SELECT subject_id, computed_at, matches FROM " + lists
              + " WHERE direction = :direction AND generation = :generation"
              + (afterSubjectId == null ? "" : " AND subject_id > :after")
              + " ORDER BY subject_id LIMIT :limit")
          .bind("direction", direction.name())
          .bind("generation", generation)
          .bind("limit", limit);
      if (afterSubjectId != null) {
        query.bind("after", afterSubjectId);
      }
      return query.map((rs, ctx) -> new MatchList(direction, rs.getString("subject_id"), generation,
              SqlValues.instant(rs, "computed_at"), DomainJson.matches(rs.getString("matches"))))
          .list();
    });
  }

  private Optional<Long> publishedGeneration(Handle h, Direction direction, String lockClause) {
    return h.createQuery("SELECT generation FROM " + publications + " WHERE direction = :direction" + lockClause)
        .bind("direction", direction.name())
        .mapTo(Long.class)
        .findOne();
  }

  /** {@code value} quoted as an element of a PostgreSQL array literal. */
  private static String quoteArrayElement(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
