package dev.matching.sample;

import dev.matching.model.GeoPoint;
import dev.matching.model.internal.Checks;

/**
 * A real city, ward or station district of Japan around which sample jobs and workers are
 * scattered. Immutable and thread-safe. The table is {@link JapanPlaces#all()}.
 *
 * @param name the name in Japanese, unique in the table, for example {@code "新宿"}
 * @param romaji the name in Latin letters, for example {@code "Shinjuku"}
 * @param prefecture the prefecture the place lies in (it sets the minimum wage)
 * @param center the approximate centre (station or city hall), correct to about 0.01 degrees
 * @param weight relative share of jobs and workers, roughly the population served in thousands
 * @param spreadKm the standard deviation, in kilometres, of the Gaussian scatter around the centre
 */
public record JapanPlace(String name, String romaji, Prefecture prefecture, GeoPoint center, double weight,
    double spreadKm) {

  /** Validates. */
  public JapanPlace {
    Checks.id(name, "place.name");
    Checks.id(romaji, "place.romaji");
    Checks.required(prefecture, "place.prefecture");
    Checks.required(center, "place.center");
    Checks.finiteIn(weight, 0, 1_000_000, "place.weight");
    if (!(weight > 0)) {
      throw Checks.fail("place.weight",
          "must be greater than 0, was " + weight);
    }
    Checks.finiteIn(spreadKm, 0.1, 100, "place.spreadKm");
  }
}
