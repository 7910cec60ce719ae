package dev.matching.spring.web;

import dev.matching.NotFoundException;
import dev.matching.model.EntityKind;
import dev.matching.model.internal.Checks;
import dev.matching.spi.EntityStore;
import dev.matching.spi.VersionConflictException;
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
final class EntityEndpoints<T, J extends Record> {

  /** The engine's write operations of one kind. */
  interface Writes<T> {
    Versioned<T> upsert(T entity);

    Versioned<T> upsert(T entity, long expectedVersion);

    List<Versioned<T>> upsertAll(List<T> entities);

    boolean remove(String id);

    void remove(String id, long expectedVersion);
  }

  /** Object-level check of one record of a bulk import; throws {@link ForbiddenException} to refuse it. */
  interface RecordCheck<J> {
    void check(String id, J record);
  }

  /** Ids that name routes of the API ({@code /jobs/bulk}), refused as entity ids. */
  static final Set<String> RESERVED_IDS = Set.of("bulk");

  private final EntityKind kind;
  private final EntityStore<T> store;
  private final Writes<T> writes;
  private final BiFunction<String, JsonBody<J>, T> toDomain;
  private final Function<Versioned<T>, J> toJson;
  private final Function<J, @Nullable String> idOfJson;
  private final RecordCheck<J> bulkCheck;
  private final int maxBulkRecords;
  private final int maxPage;

  EntityEndpoints(EntityKind kind, EntityStore<T> store, Writes<T> writes, BiFunction<String, JsonBody<J>, T> toDomain,
      Function<Versioned<T>, J> toJson, Function<J, @Nullable String> idOfJson, RecordCheck<J> bulkCheck,
      int maxBulkRecords, int maxPage) {
    this.kind = kind;
    this.store = store;
    this.writes = writes;
    this.toDomain = toDomain;
    this.toJson = toJson;
    this.idOfJson = idOfJson;
    this.bulkCheck = bulkCheck;
    this.maxBulkRecords = maxBulkRecords;
    this.maxPage = maxPage;
  }

  /**
   * Creates or replaces; with {@code If-Match} only when the stored version matches (412
   * otherwise, also when absent), with {@code If-None-Match: *} only when absent (409 otherwise).
   */
  ResponseEntity<J> put(String id, JsonBody<J> body, @Nullable String ifMatch, @Nullable String ifNoneMatch) {
    checkId(id);
    Versions.IfMatch condition = Versions.ifMatch(ifMatch);
    boolean createOnly = Versions.createOnly(ifNoneMatch);
    T entity = toDomain.apply(id, body);
    Versioned<T> stored;
    if (condition != null) {
      Long current = currentVersion(id);
      if (!condition.holds(current) || createOnly) {
        throw preconditionFailed(id, current);
      }
      try {
        stored = writes.upsert(entity, current);
      } catch (VersionConflictException e) {
        throw preconditionFailed(id, e.actualVersion());
      }
    } else if (createOnly) {
      stored = writes.upsert(entity, Versions.ABSENT);
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

  /** Deletes; with {@code If-Match} only when the stored version matches (412 otherwise, also when absent). */
  ResponseEntity<Void> delete(String id, @Nullable String ifMatch) {
    Versions.IfMatch condition = Versions.ifMatch(ifMatch);
    if (condition != null) {
      Long current = currentVersion(id);
      if (!condition.holds(current)) {
        throw preconditionFailed(id, current);
      }
      try {
        writes.remove(id, current);
      } catch (VersionConflictException e) {
        throw preconditionFailed(id, e.actualVersion());
      }
    } else if (!writes.remove(id)) {
      throw new NotFoundException(kind, id);
    }
    return ResponseEntity.noContent().build();
  }

  private @Nullable Long currentVersion(String id) {
    return store.find(id).map(Versioned::version).orElse(null);
  }

  private PreconditionFailedException preconditionFailed(String id, @Nullable Long current) {
    return new PreconditionFailedException(kind.label(), id, current == null ? "If-Match does not hold: no such " + kind.label()
        : "If-Match does not hold: the current version is " + Versions.etag(current));
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
   * missing, invalid or reserved id, an id that appeared earlier in the same request, or a record
   * the caller may not write.
   */
  BulkResultJson bulk(@Nullable List<@Nullable JsonBody<J>> records) {
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
      JsonBody<J> record = records.get(i);
      J value = record == null ? null : record.value();
      String id = value == null ? null : idOfJson.apply(value);
      try {
        if (record == null) {
          throw InvalidRequestException.of("[" + i + "]", "must not be null");
        }
        if (id == null) {
          List<FieldError> errors = new ArrayList<>(record.errors());
          if (errors.stream().noneMatch(e -> e.field().equals("id") || e.field().equals("body"))) {
            errors.add(0, new FieldError("id", "is required"));
          }
          throw new InvalidRequestException(errors);
        }
        checkId(id);
        if (!seen.add(id)) {
          throw InvalidRequestException.of("id", "appears more than once in this request: \"" + id + "\"");
        }
        T entity = toDomain.apply(id, record);
        bulkCheck.check(id, value);
        valid.add(entity);
      } catch (InvalidRequestException e) {
        rejected.add(new RejectedRecordJson(i, id, e.errors()));
      } catch (ForbiddenException e) {
        rejected.add(new RejectedRecordJson(i, id, List.of(new FieldError("id", "belongs to another employer"))));
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
    if (RESERVED_IDS.contains(id)) {
      throw InvalidRequestException.of("id", "is reserved (it names a route of the API), was \"" + id + "\"");
    }
  }
}
