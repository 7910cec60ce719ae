package dev.matching.sample;

import static dev.matching.sample.ShiftSlot.DAY;
import static dev.matching.sample.ShiftSlot.DAYTIME;
import static dev.matching.sample.ShiftSlot.EARLY_MORNING;
import static dev.matching.sample.ShiftSlot.EVENING;
import static dev.matching.sample.ShiftSlot.LUNCH;
import static dev.matching.sample.ShiftSlot.MORNING;
import static dev.matching.sample.ShiftSlot.OVERNIGHT;

import dev.matching.model.PreferredSkill;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of part-time work in the sample market: title, share of jobs, pay premium over the
 * minimum wage, skills and usual shift hours.
 */
enum JobCategory {
  CONVENIENCE_STORE("コンビニスタッフ", 12, 0, false,
      List.of(Requirement.of(Skills.CASHIER, 1, 0.2)),
      List.of(pref(Skills.CUSTOMER_SERVICE, 2, 1.5), pref(Skills.CASHIER, 2, 2), pref(Skills.SHELF_STOCKING, 1, 1),
          pref(Skills.CHINESE, 1, 0.5)),
      List.of(EARLY_MORNING, DAY, EVENING, OVERNIGHT)),
  RESTAURANT_FLOOR("飲食店ホールスタッフ", 10, 30, false,
      List.of(Requirement.of(Skills.CUSTOMER_SERVICE, 1, 0.3)),
      List.of(pref(Skills.CUSTOMER_SERVICE, 3, 2), pref(Skills.CASHIER, 1, 1), pref(Skills.ENGLISH, 2, 0.8)),
      List.of(LUNCH, DAY, EVENING)),
  RESTAURANT_KITCHEN("キッチンスタッフ", 8, 50, false,
      List.of(Requirement.of(Skills.COOKING, 1, 0.5)),
      List.of(pref(Skills.COOKING, 3, 2.5), pref(Skills.FOOD_PREP, 2, 1.5), pref(Skills.DISHWASHING, 1, 0.5)),
      List.of(MORNING, LUNCH, EVENING)),
  DISHWASHING("洗い場スタッフ", 3, 0, false,
      List.of(),
      List.of(pref(Skills.DISHWASHING, 1, 1.5), pref(Skills.FOOD_PREP, 1, 0.5)),
      List.of(LUNCH, EVENING)),
  CAFE("カフェスタッフ", 5, 20, false,
      List.of(),
      List.of(pref(Skills.BARISTA, 2, 2), pref(Skills.CUSTOMER_SERVICE, 2, 1.5), pref(Skills.CASHIER, 1, 1)),
      List.of(EARLY_MORNING, MORNING, DAYTIME, EVENING)),
  SUPERMARKET("スーパー 品出し・レジ", 8, 0, false,
      List.of(),
      List.of(pref(Skills.SHELF_STOCKING, 2, 1.5), pref(Skills.CASHIER, 2, 1.5), pref(Skills.INSPECTION, 1, 0.5)),
      List.of(EARLY_MORNING, MORNING, DAYTIME, EVENING)),
  APPAREL("アパレル販売", 4, 50, false,
      List.of(),
      List.of(pref(Skills.SALES, 2, 2), pref(Skills.CUSTOMER_SERVICE, 2, 1.5), pref(Skills.ENGLISH, 2, 1),
          pref(Skills.CHINESE, 2, 1)),
      List.of(DAYTIME, DAY, EVENING)),
  RECEPTION("受付スタッフ", 2, 50, false,
      List.of(),
      List.of(pref(Skills.RECEPTION, 2, 2), pref(Skills.CUSTOMER_SERVICE, 2, 1), pref(Skills.PHONE, 1, 1),
          pref(Skills.ENGLISH, 1, 0.5)),
      List.of(DAYTIME, DAY)),
  WAREHOUSE("倉庫内 ピッキング・梱包", 9, 50, false,
      List.of(),
      List.of(pref(Skills.PICKING, 2, 2), pref(Skills.PACKING, 1, 1), pref(Skills.INSPECTION, 1, 1),
          pref(Skills.WAREHOUSE, 2, 1)),
      List.of(DAY, EVENING, OVERNIGHT)),
  FORKLIFT("フォークリフトオペレーター", 2, 200, false,
      List.of(Requirement.of(Skills.FORKLIFT, 2, 1)),
      List.of(pref(Skills.WAREHOUSE, 2, 1.5), pref(Skills.INSPECTION, 1, 0.5)),
      List.of(DAY, OVERNIGHT)),
  FACTORY_LINE("工場 ライン作業", 5, 80, false,
      List.of(),
      List.of(pref(Skills.LIGHT_WORK, 1, 1.5), pref(Skills.INSPECTION, 2, 1)),
      List.of(DAY, EVENING, OVERNIGHT)),
  DELIVERY("軽貨物 配達ドライバー", 4, 150, false,
      List.of(Requirement.of(Skills.DRIVING, 2, 1)),
      List.of(pref(Skills.DELIVERY, 2, 2), pref(Skills.CUSTOMER_SERVICE, 1, 0.5)),
      List.of(MORNING, DAY, EVENING)),
  MOVING("引越しスタッフ", 2, 200, false,
      List.of(),
      List.of(pref(Skills.MOVING, 2, 2), pref(Skills.DRIVING, 2, 1), pref(Skills.LIGHT_WORK, 1, 0.5)),
      List.of(MORNING, DAY)),
  EVENT_SETUP("イベント設営・撤去", 3, 150, false,
      List.of(),
      List.of(pref(Skills.EVENT_SETUP, 2, 2), pref(Skills.LIGHT_WORK, 1, 1), pref(Skills.DRIVING, 1, 0.5)),
      List.of(EARLY_MORNING, DAY, OVERNIGHT)),
  OFFICE_CLEANING("オフィス清掃スタッフ", 4, 0, false,
      List.of(),
      List.of(pref(Skills.CLEANING, 2, 1.5)),
      List.of(EARLY_MORNING, EVENING, OVERNIGHT)),
  HOTEL_CLEANING("ホテル客室清掃", 3, 30, false,
      List.of(),
      List.of(pref(Skills.BED_MAKING, 2, 2), pref(Skills.CLEANING, 2, 1.5)),
      List.of(DAYTIME, DAY)),
  HOTEL_FRONT("ホテルフロント", 2, 100, false,
      List.of(Requirement.of(Skills.CUSTOMER_SERVICE, 2, 0.5)),
      List.of(pref(Skills.ENGLISH, 3, 2.5), pref(Skills.CHINESE, 2, 1.5), pref(Skills.KOREAN, 2, 1),
          pref(Skills.RECEPTION, 2, 1)),
      List.of(MORNING, DAY, EVENING, OVERNIGHT)),
  CARE("介護スタッフ", 5, 150, false,
      List.of(Requirement.of(Skills.CARE, 2, 0.6)),
      List.of(pref(Skills.CARE, 3, 3), pref(Skills.DRIVING, 1, 0.5), pref(Skills.CUSTOMER_SERVICE, 1, 0.5)),
      List.of(MORNING, DAY, EVENING, OVERNIGHT)),
  CHILDCARE("保育補助", 2, 50, false,
      List.of(Requirement.of(Skills.CHILDCARE, 1, 0.5)),
      List.of(pref(Skills.CHILDCARE, 3, 2), pref(Skills.ENGLISH, 1, 0.5)),
      List.of(MORNING, DAYTIME, DAY)),
  PHARMACY("調剤薬局 調剤補助", 1, 100, false,
      List.of(Requirement.of(Skills.PHARMACY, 1, 0.7)),
      List.of(pref(Skills.PHARMACY, 3, 2.5), pref(Skills.RECEPTION, 1, 1), pref(Skills.OFFICE, 1, 0.5)),
      List.of(DAYTIME, DAY)),
  SECURITY("施設警備", 3, 80, false,
      List.of(Requirement.of(Skills.SECURITY, 1, 0.8)),
      List.of(pref(Skills.SECURITY, 3, 2), pref(Skills.RECEPTION, 1, 0.5)),
      List.of(DAY, OVERNIGHT)),
  TRAFFIC_CONTROL("交通誘導警備", 2, 150, false,
      List.of(Requirement.of(Skills.SECURITY, 1, 0.9)),
      List.of(pref(Skills.TRAFFIC_CONTROL, 2, 2)),
      List.of(DAY, OVERNIGHT)),
  OFFICE("一般事務", 4, 100, false,
      List.of(Requirement.of(Skills.PC, 1, 0.7)),
      List.of(pref(Skills.OFFICE, 2, 2), pref(Skills.PHONE, 1, 1), pref(Skills.PC, 3, 1.5)),
      List.of(DAYTIME, DAY)),
  DATA_ENTRY("データ入力", 2, 50, true,
      List.of(Requirement.of(Skills.PC, 1, 1)),
      List.of(pref(Skills.DATA_ENTRY, 2, 2), pref(Skills.PC, 3, 1)),
      List.of(DAYTIME, DAY, EVENING)),
  CALL_CENTER("コールセンター オペレーター", 3, 200, true,
      List.of(Requirement.of(Skills.PHONE, 1, 0.5)),
      List.of(pref(Skills.PHONE, 3, 2), pref(Skills.PC, 2, 1), pref(Skills.ENGLISH, 2, 0.8),
          pref(Skills.CHINESE, 2, 0.8)),
      List.of(DAY, EVENING)),
  TUTOR("個別指導塾 講師", 2, 500, true,
      List.of(Requirement.of(Skills.TUTORING, 2, 1)),
      List.of(pref(Skills.TUTORING, 4, 3), pref(Skills.ENGLISH, 2, 1)),
      List.of(EVENING)),
  TRANSLATION("翻訳・通訳サポート", 0.5, 400, true,
      List.of(Requirement.of(Skills.ENGLISH, 3, 0.8)),
      List.of(pref(Skills.ENGLISH, 4, 3), pref(Skills.CHINESE, 3, 2), pref(Skills.KOREAN, 3, 1.5),
          pref(Skills.PC, 2, 0.5)),
      List.of(DAYTIME, DAY));

  /** The title of the job, without place and hours, for example {@code コンビニスタッフ}. */
  final String title;
  /** Relative share of jobs in this category. */
  final double weight;
  /** Yen per hour the category usually pays above the prefecture's minimum wage. */
  final int premiumYen;
  /** Whether jobs of this category can be remote. */
  final boolean remoteCapable;
  /** At most two skills a job may require. */
  final List<Requirement> requirements;
  /** One to four skills a job may prefer; each job prefers a non-empty subset. */
  final List<PreferredSkill> preferred;
  /** The shift hours jobs of this category use. */
  final List<ShiftSlot> slots;
  /**
   * The skill codes, other than languages, a worker experienced in this category may have,
   * required ones first.
   */
  final List<String> skillCodes;

  JobCategory(String title, double weight, int premiumYen, boolean remoteCapable, List<Requirement> requirements,
      List<PreferredSkill> preferred, List<ShiftSlot> slots) {
    this.title = title;
    this.weight = weight;
    this.premiumYen = premiumYen;
    this.remoteCapable = remoteCapable;
    this.requirements = requirements;
    this.preferred = preferred;
    this.slots = slots;
    Set<String> codes = new LinkedHashSet<>();
    for (Requirement r : requirements) {
      codes.add(r.skill().skill());
    }
    for (PreferredSkill p : preferred) {
      codes.add(p.skill());
    }
    codes.removeAll(Skills.LANGUAGES);
    this.skillCodes = List.copyOf(codes);
  }

  private static PreferredSkill pref(String skill, int level, double weight) {
    return PreferredSkill.of(skill, level, weight);
  }
}
