package dev.matching;

import dev.matching.model.EntityKind;

/** A job, worker or batch run named by id does not exist. */
public class NotFoundException extends MatchingException {
  private static final long serialVersionUID = 1L;
  private final String kind;
  private final String id;

  /** A job or worker {@code id} does not exist; {@link #kind()} is {@link EntityKind#label()}. */
  public NotFoundException(EntityKind kind, String id) {
    this(kind.label(), id);
  }

  /**
   * Something other than a job or worker does not exist.
   *
   * @param kind what was looked for, for example {@code batch run}
   * @param id the id that was not found
   */
  public NotFoundException(String kind, String id) {
    super(kind + " not found: " + id);
    this.kind = kind;
    this.id = id;
  }

  /** What was looked for: {@code job}, {@code worker}, {@code batch run}, ... */
  public String kind() {
    return kind;
  }

  /** The id that was not found. */
  public String id() {
    return id;
  }
}
