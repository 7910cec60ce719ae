package dev.matching.redis;

import dev.matching.model.EntityKind;
import dev.matching.model.internal.Checks;
import dev.matching.spi.Change;

/**
 * An entity was upserted or deleted in its store: a hint for other nodes to refresh that entity
 * in their in-memory index. Immutable.
 *
 * @param kind which store changed
 * @param id the entity id
 * @param type upsert or delete
 * @param storeSequence the {@link Change#sequence()} the store gave the change, at least 1
 */
public record ChangeEvent(EntityKind kind, String id, Change.Type type, long storeSequence) {

  /** Validates. */
  public ChangeEvent {
    Checks.required(kind, "kind");
    Checks.id(id, "id");
    Checks.required(type, "type");
    if (storeSequence < 1) {
      throw Checks.fail("storeSequence", "must be at least 1, was " + storeSequence);
    }
  }

  /** The event for {@code change} of a {@code kind} store. */
  public static ChangeEvent of(EntityKind kind, Change change) {
    Checks.required(change, "change");
    return new ChangeEvent(kind, change.id(), change.type(), change.sequence());
  }

  /** The store change this event reports. */
  public Change change() {
    return new Change(storeSequence, id, type);
  }
}
