package dev.matching.jdbc;

import dev.matching.model.EntityKind;
import dev.matching.model.Worker;
import dev.matching.spi.WorkerStore;
import java.time.Clock;
import java.util.List;

/** {@link WorkerStore} on the {@code workers} table. Thread-safe. */
final class JdbcWorkerStore extends JdbcEntityStore<Worker> implements WorkerStore {

  JdbcWorkerStore(Database database, Clock clock, int fetchSize, int copyThreshold) {
    super(database, new Mapping(), clock, fetchSize, copyThreshold);
  }

  private static final class Mapping implements EntityMapping<Worker> {
    private static final List<Column<Worker>> COLUMNS = List.of(
        Column.float8("lat", w -> EntityMapping.latitude(w.home())),
        Column.float8("lng", w -> EntityMapping.longitude(w.home())),
        Column.float8("max_travel_km", Worker::maxTravelKm),
        Column.int4("desired_min_yen", w -> w.desiredPay() == null ? null : w.desiredPay().minHourlyYen()),
        Column.bool("active", Worker::active));

    @Override
    public EntityKind kind() {
      return EntityKind.WORKER;
    }

    @Override
    public String table() {
      return "workers";
    }

    @Override
    public String changeTable() {
      return "worker_changes";
    }

    @Override
    public String id(Worker entity) {
      return entity.id();
    }

    @Override
    public List<Column<Worker>> columns() {
      return COLUMNS;
    }

    @Override
    public String toJson(Worker entity) {
      return DomainJson.worker(entity);
    }

    @Override
    public Worker fromJson(String json) {
      return DomainJson.worker(json);
    }
  }
}
