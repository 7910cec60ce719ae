package dev.matching.jdbc;

import dev.matching.model.EntityKind;
import dev.matching.model.Job;
import dev.matching.spi.JobStore;
import java.time.Clock;
import java.util.List;

/** {@link JobStore} on the {@code jobs} table. Thread-safe. */
final class JdbcJobStore extends JdbcEntityStore<Job> implements JobStore {

  JdbcJobStore(Database database, Clock clock, int fetchSize, int copyThreshold) {
    super(database, new Mapping(), clock, fetchSize, copyThreshold);
  }

  private static final class Mapping implements EntityMapping<Job> {
    private static final List<Column<Job>> COLUMNS = List.of(
        Column.text("employer_id", Job::employerId),
        Column.float8("lat", j -> EntityMapping.latitude(j.location())),
        Column.float8("lng", j -> EntityMapping.longitude(j.location())),
        Column.int4("pay_min_yen", j -> j.pay().minYen()),
        Column.int4("pay_max_yen", j -> j.pay().maxYen()),
        Column.int4("headcount", Job::headcount),
        Column.bool("open", Job::open));

    @Override
    public EntityKind kind() {
      return EntityKind.JOB;
    }

    @Override
    public String table() {
      return "jobs";
    }

    @Override
    public String changeTable() {
      return "job_changes";
    }

    @Override
    public String id(Job entity) {
      return entity.id();
    }

    @Override
    public List<Column<Job>> columns() {
      return COLUMNS;
    }

    @Override
    public String toJson(Job entity) {
      return DomainJson.job(entity);
    }

    @Override
    public Job fromJson(String json) {
      return DomainJson.job(json);
    }
  }
}
