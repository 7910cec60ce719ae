package dev.matching.spring.web;

import dev.matching.NotFoundException;
import dev.matching.model.Checks;
import dev.matching.spi.EntityStore;
import dev.matching.spi.Versioned;
import dev.matching.spring.web.ResultJson.BulkResultJson;
import dev.matching.spring.web.ResultJson.ListPageJson;
import dev.matching.spring.web.ResultJson.RejectedRecordJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The CRUD and bulk logic shared by the job and worker endpoints, over one kind of entity.
 * Thread-safe.
 *
 * @param <T> domain type
 * @param <J> JSON type
 */
final class EntityEndpoints<T, J> {

  /** The engine's write operations of one kind. */
  interface Writes<T> {
    Versioned<T> upsert(T entity);

    Versioned<T> upsert(T entity, long expectedVersion);

    List<Versioned<T>> upsertAll(List<T> entities);

    boolean remove(String id);

    void remove(String id, long expectedVersion);
  }

  private final String kind;
  private final EntityStore<T> store;
  private final Writes<T> writes;
  private final BiFunction<String, J, T> toDomain;
  private final Function<Versioned<T>, J> toJson;
  private final Function<J, @Nullable String> idOfJson;
  private final int maxBulkRecords;
  private final int maxPage;

  EntityEndpoints(String kind, EntityStore<T> store, Writes<T> writes, BiFunction<String, J, T> toDomain,
      Function<Versioned<T>, J> toJson, Function<J, @Nullable String> idOfJson, int maxBulkRecords, int maxPage) {
    this.kind = kind;
    this.store = store;
    this.writes = writes;
    this.toDomain = toDomain;
    this.toJson = toJson;
    this.idOfJson = idOfJson;
    this.maxBulkRecords = maxBulkRecords;
    this.maxPage = maxPage;
  }

  ResponseEntity<J> put(String id, J body, @Nullable String ifMatch, @Nullable String ifNoneMatch) {
    checkId(id);
    Long expected = Versions.ifMatch(ifMatch);
    boolean createOnly = Versions.createOnly(ifNoneMatch);
    T entity = toDomain.apply(id, body);
    Versioned<T> stored;
    if (createOnly) {
      stored = writes.upsert(entity, Versions.ABSENT);
    } else if (expected != null) {
      stored = writes.upsert(entity, expected);
    } else {
      stored = writes.upsert(entity);
    }
    HttpStatus status = stored.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK;
    return ResponseEntity.status(status).eTag(Versions.etag(stored.version())).body(toJson.apply(stored));
  }

  ResponseEntity<J> get(String id) {
    Versioned<T> stored = store.find(id).orElseThrow(() -> new NotFoundException(kind, id));
    return ResponseEntity.ok().eTag(Versions.etag(stored.version())).body(toJson.apply(stored));
  }

  ResponseEntity<Void> delete(String id, @Nullable String ifMatch) {
    Long expected = Versions.ifMatch(ifMatch);
    if (expected != null) {
      if (store.find(id).isEmpty()) {
        throw new NotFoundException(kind, id);
      }
      writes.remove(id, expected);
    } else if (!writes.remove(id)) {
      throw new NotFoundException(kind, id);
    }
    return ResponseEntity.noContent().build();
  }

  ListPageJson<J> list(@Nullable String after, @Nullable Integer limit) {
    int size = limit == null ? Math.min(100, maxPage) : limit;
    if (size < 1 || size > maxPage) {
      throw InvalidRequestException.of("limit", "must be within [1, " + maxPage + "], was " + size);
    }
    List<Versioned<T>> page = store.list(after == null || after.isEmpty() ? null : after, size);
    List<J> items = page.stream().map(toJson).toList();
    String next = page.size() == size ? idOfJson.apply(items.get(items.size() - 1)) : null;
    return new ListPageJson<>(items, next);
  }

  /**
   * Stores every valid record in one atomic write and reports each rejected one: bad fields, a
   * missing id, or an id that appeared earlier in the same request.
   */
  BulkResultJson bulk(@Nullable List<J> records) {
    if (records == null) {
      throw InvalidRequestException.of("body", "must be a JSON array of records");
    }
    if (records.size() > maxBulkRecords) {
      throw InvalidRequestException.of("body", "must hold at most " + maxBulkRecords + " records, had " + records.size());
    }
    List<T> valid = new ArrayList<>();
    List<RejectedRecordJson> rejected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      J record = records.get(i);
      String id = record == null ? null : idOfJson.apply(record);
      try {
        if (record == null) {
          throw InvalidRequestException.of("[" + i + "]", "must not be null");
        }
        if (id == null) {
          throw InvalidRequestException.of("id", "is required");
        }
        checkId(id);
        if (!seen.add(id)) {
          throw InvalidRequestException.of("id", "appears more than once in this request: \"" + id + "\"");
        }
        valid.add(toDomain.apply(id, record));
      } catch (InvalidRequestException e) {
        rejected.add(new RejectedRecordJson(i, id, e.errors()));
      }
    }
    if (!valid.isEmpty()) {
      writes.upsertAll(valid);
    }
    return new BulkResultJson(records.size(), valid.size(), rejected);
  }

  private static void checkId(String id) {
    try {
      Checks.id(id, "id");
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("id", e.getMessage().substring("id: ".length()));
    }
  }
}
