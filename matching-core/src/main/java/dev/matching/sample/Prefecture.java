package dev.matching.sample;

/**
 * The 47 prefectures of Japan with their regional minimum hourly wage. Immutable and thread-safe.
 *
 * <p>The wages are those of fiscal year {@value #MINIMUM_WAGE_FISCAL_YEAR} (令和6年度), in force
 * from October-November 2024, in yen per hour. Source: public knowledge, approximate; good
 * enough for sample data, not for payroll.
 */
public enum Prefecture {
  HOKKAIDO("北海道", 1010),
  AOMORI("青森県", 953),
  IWATE("岩手県", 952),
  MIYAGI("宮城県", 973),
  AKITA("秋田県", 951),
  YAMAGATA("山形県", 955),
  FUKUSHIMA("福島県", 955),
  IBARAKI("茨城県", 1005),
  TOCHIGI("栃木県", 1004),
  GUNMA("群馬県", 985),
  SAITAMA("埼玉県", 1078),
  CHIBA("千葉県", 1076),
  TOKYO("東京都", 1163),
  KANAGAWA("神奈川県", 1162),
  NIIGATA("新潟県", 985),
  TOYAMA("富山県", 998),
  ISHIKAWA("石川県", 984),
  FUKUI("福井県", 984),
  YAMANASHI("山梨県", 988),
  NAGANO("長野県", 998),
  GIFU("岐阜県", 1001),
  SHIZUOKA("静岡県", 1034),
  AICHI("愛知県", 1077),
  MIE("三重県", 1023),
  SHIGA("滋賀県", 1017),
  KYOTO("京都府", 1058),
  OSAKA("大阪府", 1114),
  HYOGO("兵庫県", 1052),
  NARA("奈良県", 986),
  WAKAYAMA("和歌山県", 980),
  TOTTORI("鳥取県", 957),
  SHIMANE("島根県", 962),
  OKAYAMA("岡山県", 982),
  HIROSHIMA("広島県", 1020),
  YAMAGUCHI("山口県", 979),
  TOKUSHIMA("徳島県", 980),
  KAGAWA("香川県", 970),
  EHIME("愛媛県", 956),
  KOCHI("高知県", 952),
  FUKUOKA("福岡県", 992),
  SAGA("佐賀県", 956),
  NAGASAKI("長崎県", 953),
  KUMAMOTO("熊本県", 952),
  OITA("大分県", 954),
  MIYAZAKI("宮崎県", 952),
  KAGOSHIMA("鹿児島県", 953),
  OKINAWA("沖縄県", 952);

  /** The fiscal year (April to March) the minimum wages belong to. */
  public static final int MINIMUM_WAGE_FISCAL_YEAR = 2024;

  private final String japaneseName;
  private final int minimumWageYen;

  Prefecture(String japaneseName, int minimumWageYen) {
    this.japaneseName = japaneseName;
    this.minimumWageYen = minimumWageYen;
  }

  /** The name in Japanese, with its suffix, for example {@code "東京都"}. */
  public String japaneseName() {
    return japaneseName;
  }

  /** The regional minimum wage in yen per hour (fiscal year {@value #MINIMUM_WAGE_FISCAL_YEAR}). */
  public int minimumWageYen() {
    return minimumWageYen;
  }

  /** The lowest minimum wage of all prefectures, in yen per hour. */
  public static int lowestMinimumWageYen() {
    int lowest = Integer.MAX_VALUE;
    for (Prefecture p : values()) {
      lowest = Math.min(lowest, p.minimumWageYen);
    }
    return lowest;
  }
}
