package dev.matching.spi;

import dev.matching.model.internal.Checks;

/**
 * One entry of a store's change log: entity {@code id} was upserted or deleted at
 * {@code sequence}. Immutable.
 *
 * <p>Sequences are positive, strictly increasing per store and never reused, so a reader that
 * remembers the last sequence it applied can ask for everything after it.
 *
 * @param sequence position in the change log, at least 1
 * @param id the entity id
 * @param type what happened
 */
public record Change(long sequence, String id, Type type) {
  /** What happened to the entity. */
  public enum Type {
    /** Created or replaced. */
    UPSERT,
    /** Deleted. */
    DELETE
  }

  /** Validates. */
  public Change {
    if (!(sequence >= 1)) {
      throw Checks.fail("sequence",
          "must be at least 1, was " + sequence);
    }
    Checks.required(id, "id");
    Checks.required(type, "type");
  }
}
