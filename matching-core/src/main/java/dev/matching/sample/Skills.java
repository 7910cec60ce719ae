package dev.matching.sample;

import java.util.Set;

/** The skill codes of {@link SkillsCatalog#japanesePartTime()}, as constants for the generators. */
final class Skills {
  static final String CUSTOMER_SERVICE = "接客";
  static final String CASHIER = "レジ";
  static final String SALES = "販売";
  static final String RECEPTION = "受付";
  static final String SHELF_STOCKING = "品出し";
  static final String COOKING = "調理";
  static final String FOOD_PREP = "仕込み";
  static final String DISHWASHING = "洗い場";
  static final String BARISTA = "バリスタ";
  static final String WAREHOUSE = "倉庫";
  static final String PICKING = "ピッキング";
  static final String PACKING = "梱包";
  static final String INSPECTION = "検品";
  static final String FORKLIFT = "フォークリフト";
  static final String LIGHT_WORK = "軽作業";
  static final String DELIVERY = "配達";
  static final String DRIVING = "運転";
  static final String MOVING = "引越し";
  static final String CLEANING = "清掃";
  static final String BED_MAKING = "ベッドメイク";
  static final String CARE = "介護";
  static final String CHILDCARE = "保育補助";
  static final String PHARMACY = "調剤補助";
  static final String OFFICE = "事務";
  static final String DATA_ENTRY = "データ入力";
  static final String PC = "PC操作";
  static final String PHONE = "電話対応";
  static final String EVENT_SETUP = "イベント設営";
  static final String SECURITY = "警備";
  static final String TRAFFIC_CONTROL = "交通誘導";
  static final String TUTORING = "指導";
  static final String ENGLISH = "英語";
  static final String CHINESE = "中国語";
  static final String KOREAN = "韓国語";

  /** Languages: people do not pick them up on the job, so workers get them on their own. */
  static final Set<String> LANGUAGES = Set.of(ENGLISH, CHINESE, KOREAN);

  private Skills() {}
}
