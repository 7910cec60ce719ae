package dev.matching.batch;

import dev.matching.assignment.Assigner;
import dev.matching.model.internal.Checks;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a run ends with a capacity-aware assignment of workers to jobs, and with which
 * {@link Assigner}. Kept with the run as its {@code assignment} parameter ({@link RunParameters})
 * in lower case ({@code none}, {@code greedy}, {@code optimal}).
 */
public enum AssignmentMode {
  /** No assignment: the run stores and publishes its ranked lists only. */
  NONE,
  /** {@link Assigner#greedy()}: best edges first while capacity remains. */
  GREEDY,
  /** {@link Assigner#optimal()}: the maximum total score. */
  OPTIMAL;

  /** The value stored in the run's parameters. */
  public String parameterValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The mode a run parameter names; {@link #NONE} when absent (runs created before the option).
   *
   * @throws IllegalArgumentException when the value names no mode
   */
  public static AssignmentMode ofParameter(@Nullable String value) {
    if (value == null) {
      return NONE;
    }
    for (AssignmentMode mode : values()) {
      if (mode.parameterValue().equals(value)) {
        return mode;
      }
    }
    throw Checks.fail(RunParameters.ASSIGNMENT, "must be none, greedy or optimal, was \"" + value + "\"");
  }

  /** The assigner of this mode; none for {@link #NONE}. */
  @Nullable Assigner assigner() {
    return switch (this) {
      case GREEDY -> Assigner.greedy();
      case OPTIMAL -> Assigner.optimal();
      case NONE -> null;
    };
  }
}
