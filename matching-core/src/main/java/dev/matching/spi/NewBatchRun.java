package dev.matching.spi;

import dev.matching.model.internal.Checks;
import java.util.List;
import java.util.Map;

/**
 * A request to create a batch run. Immutable.
 *
 * @param type the batch type, for example {@code daily_matching}
 * @param parameters run options, kept with the run
 * @param partitions one opaque specification per partition (for example an id range), in order
 * @param triggeredBy who asked for the run (an operator, {@code scheduler}...)
 */
public record NewBatchRun(String type, Map<String, String> parameters, List<String> partitions, String triggeredBy) {
  /** Validates and copies. */
  public NewBatchRun {
    Checks.id(type, "type");
    parameters = Map.copyOf(Checks.required(parameters, "parameters"));
    partitions = Checks.listOf(partitions, "partitions");
    Checks.check(!partitions.isEmpty(), "partitions", "must not be empty");
    Checks.id(triggeredBy, "triggeredBy");
  }
}
