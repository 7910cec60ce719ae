package dev.matching.sample;

import dev.matching.model.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skill codes the sample market uses: short Japanese names of part-time job skills, such
 * as {@code 接客} (customer service) or {@code フォークリフト} (forklift), each with an English
 * gloss for display. Immutable and thread-safe.
 */
public final class SkillsCatalog {

  private static final SkillsCatalog JAPANESE_PART_TIME = new SkillsCatalog(englishByCode());

  private final Map<String, String> englishByCode;
  private final List<String> codes;

  private SkillsCatalog(Map<String, String> englishByCode) {
    this.englishByCode = englishByCode;
    this.codes = List.copyOf(englishByCode.keySet());
  }

  /** The catalog of part-time job skills used by {@link SampleMarket}. */
  public static SkillsCatalog japanesePartTime() {
    return JAPANESE_PART_TIME;
  }

  /** Every skill code, in a fixed order; an unmodifiable list. */
  public List<String> codes() {
    return codes;
  }

  /** How many skills the catalog has. */
  public int size() {
    return codes.size();
  }

  /** Whether {@code code} is a skill of this catalog. */
  public boolean contains(String code) {
    return englishByCode.containsKey(code);
  }

  /** The English gloss of a skill, for example {@code "customer service"} for {@code 接客}. */
  public String englishName(String code) {
    String english = englishByCode.get(code);
    if (!(english != null)) {
      throw Checks.fail("code",
          "must be a skill of the catalog, was \"" + code + "\"");
    }
    return english;
  }

  @Override
  public String toString() {
    return "SkillsCatalog" + codes;
  }

  private static Map<String, String> englishByCode() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Skills.CUSTOMER_SERVICE, "customer service");
    m.put(Skills.CASHIER, "cashier");
    m.put(Skills.SALES, "retail sales");
    m.put(Skills.RECEPTION, "reception");
    m.put(Skills.SHELF_STOCKING, "shelf stocking");
    m.put(Skills.COOKING, "cooking");
    m.put(Skills.FOOD_PREP, "food preparation");
    m.put(Skills.DISHWASHING, "dishwashing");
    m.put(Skills.BARISTA, "barista");
    m.put(Skills.WAREHOUSE, "warehouse work");
    m.put(Skills.PICKING, "order picking");
    m.put(Skills.PACKING, "packing");
    m.put(Skills.INSPECTION, "inspection");
    m.put(Skills.FORKLIFT, "forklift");
    m.put(Skills.LIGHT_WORK, "light manual work");
    m.put(Skills.DELIVERY, "delivery");
    m.put(Skills.DRIVING, "driving");
    m.put(Skills.MOVING, "moving");
    m.put(Skills.CLEANING, "cleaning");
    m.put(Skills.BED_MAKING, "bed making");
    m.put(Skills.CARE, "elderly care");
    m.put(Skills.CHILDCARE, "childcare assistance");
    m.put(Skills.PHARMACY, "pharmacy assistance");
    m.put(Skills.OFFICE, "office work");
    m.put(Skills.DATA_ENTRY, "data entry");
    m.put(Skills.PC, "PC skills");
    m.put(Skills.PHONE, "phone support");
    m.put(Skills.EVENT_SETUP, "event setup");
    m.put(Skills.SECURITY, "security guard");
    m.put(Skills.TRAFFIC_CONTROL, "traffic control");
    m.put(Skills.TUTORING, "tutoring");
    m.put(Skills.ENGLISH, "English");
    m.put(Skills.CHINESE, "Chinese");
    m.put(Skills.KOREAN, "Korean");
    return Collections.unmodifiableMap(m);
  }
}
