package dev.matching.sample;

import static dev.matching.sample.Prefecture.*;

import dev.matching.model.GeoPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of real places the sample market scatters jobs and workers around: the 47
 * prefectural capitals (Tokyo's is Shinjuku) plus major cities, Tokyo wards and the busy
 * districts of Osaka, Nagoya and Fukuoka. Stateless and thread-safe.
 *
 * <p>Coordinates are the station or city hall, correct to about 0.01 degrees; weights are
 * roughly the population served in thousands, so the Tokyo and Osaka areas are dense and the
 * countryside sparse. Source: public knowledge, approximate.
 */
public final class JapanPlaces {

  private static final List<JapanPlace> ALL = List.of(
      // Hokkaido and Tohoku
      place("札幌", "Sapporo", HOKKAIDO, 43.0618, 141.3545, 1970, 7),
      place("旭川", "Asahikawa", HOKKAIDO, 43.7706, 142.3650, 320, 4),
      place("函館", "Hakodate", HOKKAIDO, 41.7687, 140.7290, 240, 4),
      place("青森", "Aomori", AOMORI, 40.8244, 140.7400, 270, 4),
      place("盛岡", "Morioka", IWATE, 39.7020, 141.1545, 280, 4),
      place("仙台", "Sendai", MIYAGI, 38.2682, 140.8694, 1090, 6),
      place("秋田", "Akita", AKITA, 39.7200, 140.1025, 300, 4),
      place("山形", "Yamagata", YAMAGATA, 38.2554, 140.3396, 240, 3.5),
      place("福島", "Fukushima", FUKUSHIMA, 37.7608, 140.4747, 270, 4),
      // Kanto
      place("水戸", "Mito", IBARAKI, 36.3659, 140.4714, 270, 4),
      place("つくば", "Tsukuba", IBARAKI, 36.0826, 140.1116, 250, 4),
      place("宇都宮", "Utsunomiya", TOCHIGI, 36.5551, 139.8828, 520, 5),
      place("前橋", "Maebashi", GUNMA, 36.3895, 139.0634, 330, 4),
      place("高崎", "Takasaki", GUNMA, 36.3220, 139.0032, 370, 4),
      place("さいたま", "Saitama", SAITAMA, 35.8617, 139.6455, 800, 3.5),
      place("大宮", "Omiya", SAITAMA, 35.9064, 139.6239, 900, 3),
      place("川口", "Kawaguchi", SAITAMA, 35.8019, 139.7179, 600, 3),
      place("川越", "Kawagoe", SAITAMA, 35.9076, 139.4826, 350, 3.5),
      place("所沢", "Tokorozawa", SAITAMA, 35.7873, 139.4731, 350, 3.5),
      place("越谷", "Koshigaya", SAITAMA, 35.8911, 139.7909, 350, 3.5),
      place("千葉", "Chiba", CHIBA, 35.6073, 140.1063, 1000, 5),
      place("海浜幕張", "Kaihin-Makuhari", CHIBA, 35.6485, 140.0418, 300, 2),
      place("船橋", "Funabashi", CHIBA, 35.7017, 139.9853, 650, 3),
      place("市川", "Ichikawa", CHIBA, 35.7219, 139.9310, 500, 3),
      place("松戸", "Matsudo", CHIBA, 35.7843, 139.9006, 500, 3),
      place("柏", "Kashiwa", CHIBA, 35.8622, 139.9711, 450, 3.5),
      place("舞浜", "Maihama", CHIBA, 35.6363, 139.8838, 200, 1.5),
      place("新宿", "Shinjuku", TOKYO, 35.6896, 139.7006, 1200, 2.5),
      place("渋谷", "Shibuya", TOKYO, 35.6580, 139.7016, 900, 2),
      place("池袋", "Ikebukuro", TOKYO, 35.7295, 139.7109, 1000, 2.5),
      place("東京駅", "Tokyo Station", TOKYO, 35.6812, 139.7671, 800, 2),
      place("銀座", "Ginza", TOKYO, 35.6717, 139.7650, 500, 1.5),
      place("品川", "Shinagawa", TOKYO, 35.6285, 139.7388, 700, 2.5),
      place("六本木", "Roppongi", TOKYO, 35.6628, 139.7314, 400, 1.5),
      place("上野", "Ueno", TOKYO, 35.7138, 139.7773, 600, 2),
      place("秋葉原", "Akihabara", TOKYO, 35.6984, 139.7731, 400, 1.5),
      place("浅草", "Asakusa", TOKYO, 35.7119, 139.7983, 400, 2),
      place("豊洲", "Toyosu", TOKYO, 35.6549, 139.7962, 500, 2.5),
      place("錦糸町", "Kinshicho", TOKYO, 35.6963, 139.8145, 600, 2.5),
      place("北千住", "Kita-Senju", TOKYO, 35.7497, 139.8049, 600, 3),
      place("蒲田", "Kamata", TOKYO, 35.5626, 139.7162, 700, 3),
      place("中野", "Nakano", TOKYO, 35.7056, 139.6658, 500, 2.5),
      place("練馬", "Nerima", TOKYO, 35.7378, 139.6540, 700, 3.5),
      place("吉祥寺", "Kichijoji", TOKYO, 35.7030, 139.5797, 600, 3),
      place("立川", "Tachikawa", TOKYO, 35.6980, 139.4137, 800, 4),
      place("八王子", "Hachioji", TOKYO, 35.6557, 139.3389, 600, 5),
      place("町田", "Machida", TOKYO, 35.5424, 139.4455, 500, 4),
      place("横浜", "Yokohama", KANAGAWA, 35.4660, 139.6223, 2200, 6),
      place("新横浜", "Shin-Yokohama", KANAGAWA, 35.5075, 139.6176, 700, 3),
      place("川崎", "Kawasaki", KANAGAWA, 35.5313, 139.6968, 900, 3),
      place("武蔵小杉", "Musashi-Kosugi", KANAGAWA, 35.5763, 139.6596, 600, 2.5),
      place("相模原", "Sagamihara", KANAGAWA, 35.5714, 139.3733, 700, 5),
      place("藤沢", "Fujisawa", KANAGAWA, 35.3387, 139.4874, 500, 4),
      place("横須賀", "Yokosuka", KANAGAWA, 35.2784, 139.6702, 400, 4),
      place("厚木", "Atsugi", KANAGAWA, 35.4393, 139.3642, 400, 4),
      // Chubu
      place("新潟", "Niigata", NIIGATA, 37.9162, 139.0364, 780, 6),
      place("長岡", "Nagaoka", NIIGATA, 37.4476, 138.8512, 260, 4),
      place("富山", "Toyama", TOYAMA, 36.6959, 137.2137, 410, 5),
      place("金沢", "Kanazawa", ISHIKAWA, 36.5613, 136.6562, 460, 5),
      place("福井", "Fukui", FUKUI, 36.0641, 136.2196, 260, 4),
      place("甲府", "Kofu", YAMANASHI, 35.6623, 138.5683, 190, 4),
      place("長野", "Nagano", NAGANO, 36.6485, 138.1942, 370, 5),
      place("松本", "Matsumoto", NAGANO, 36.2381, 137.9720, 240, 4),
      place("岐阜", "Gifu", GIFU, 35.4232, 136.7606, 400, 5),
      place("静岡", "Shizuoka", SHIZUOKA, 34.9756, 138.3827, 680, 5),
      place("浜松", "Hamamatsu", SHIZUOKA, 34.7108, 137.7261, 790, 6),
      place("名古屋駅", "Nagoya Station", AICHI, 35.1709, 136.8815, 1200, 4),
      place("栄", "Sakae", AICHI, 35.1681, 136.9089, 1100, 4),
      place("一宮", "Ichinomiya", AICHI, 35.3039, 136.8031, 380, 4),
      place("豊田", "Toyota", AICHI, 35.0826, 137.1560, 420, 5),
      place("岡崎", "Okazaki", AICHI, 34.9543, 137.1744, 380, 4),
      place("豊橋", "Toyohashi", AICHI, 34.7692, 137.3915, 370, 4),
      // Kinki
      place("津", "Tsu", MIE, 34.7186, 136.5057, 270, 4),
      place("四日市", "Yokkaichi", MIE, 34.9651, 136.6245, 310, 4),
      place("大津", "Otsu", SHIGA, 35.0179, 135.8546, 340, 4),
      place("京都", "Kyoto", KYOTO, 35.0116, 135.7681, 1450, 5),
      place("梅田", "Umeda", OSAKA, 34.7025, 135.4959, 1500, 3),
      place("難波", "Namba", OSAKA, 34.6664, 135.5010, 1200, 3),
      place("天王寺", "Tennoji", OSAKA, 34.6466, 135.5139, 800, 3),
      place("新大阪", "Shin-Osaka", OSAKA, 34.7334, 135.5002, 500, 2.5),
      place("堺", "Sakai", OSAKA, 34.5733, 135.4830, 800, 5),
      place("東大阪", "Higashiosaka", OSAKA, 34.6794, 135.6008, 500, 3.5),
      place("豊中", "Toyonaka", OSAKA, 34.7813, 135.4700, 400, 3),
      place("高槻", "Takatsuki", OSAKA, 34.8462, 135.6175, 350, 3.5),
      place("枚方", "Hirakata", OSAKA, 34.8143, 135.6510, 400, 3.5),
      place("神戸", "Kobe", HYOGO, 34.6901, 135.1955, 1500, 5),
      place("西宮", "Nishinomiya", HYOGO, 34.7377, 135.3416, 480, 3),
      place("尼崎", "Amagasaki", HYOGO, 34.7334, 135.4065, 460, 3),
      place("姫路", "Himeji", HYOGO, 34.8151, 134.6853, 530, 5),
      place("奈良", "Nara", NARA, 34.6851, 135.8050, 350, 4),
      place("和歌山", "Wakayama", WAKAYAMA, 34.2260, 135.1675, 350, 4),
      // Chugoku and Shikoku
      place("鳥取", "Tottori", TOTTORI, 35.5011, 134.2351, 180, 3.5),
      place("松江", "Matsue", SHIMANE, 35.4681, 133.0484, 200, 3.5),
      place("岡山", "Okayama", OKAYAMA, 34.6551, 133.9195, 720, 5),
      place("倉敷", "Kurashiki", OKAYAMA, 34.5850, 133.7720, 470, 4),
      place("広島", "Hiroshima", HIROSHIMA, 34.3853, 132.4553, 1190, 6),
      place("福山", "Fukuyama", HIROSHIMA, 34.4858, 133.3623, 460, 4),
      place("山口", "Yamaguchi", YAMAGUCHI, 34.1783, 131.4738, 190, 4),
      place("徳島", "Tokushima", TOKUSHIMA, 34.0703, 134.5548, 250, 4),
      place("高松", "Takamatsu", KAGAWA, 34.3428, 134.0466, 420, 4),
      place("松山", "Matsuyama", EHIME, 33.8392, 132.7657, 500, 5),
      place("高知", "Kochi", KOCHI, 33.5597, 133.5311, 320, 4),
      // Kyushu and Okinawa
      place("天神", "Tenjin", FUKUOKA, 33.5914, 130.3989, 900, 4),
      place("博多", "Hakata", FUKUOKA, 33.5902, 130.4207, 700, 3.5),
      place("小倉", "Kokura", FUKUOKA, 33.8868, 130.8825, 920, 6),
      place("久留米", "Kurume", FUKUOKA, 33.3192, 130.5083, 300, 4),
      place("佐賀", "Saga", SAGA, 33.2635, 130.3009, 230, 4),
      place("長崎", "Nagasaki", NAGASAKI, 32.7503, 129.8777, 400, 4),
      place("佐世保", "Sasebo", NAGASAKI, 33.1799, 129.7152, 240, 4),
      place("熊本", "Kumamoto", KUMAMOTO, 32.8031, 130.7079, 740, 5),
      place("大分", "Oita", OITA, 33.2396, 131.6093, 470, 5),
      place("宮崎", "Miyazaki", MIYAZAKI, 31.9111, 131.4239, 400, 5),
      place("鹿児島", "Kagoshima", KAGOSHIMA, 31.5966, 130.5571, 590, 5),
      place("那覇", "Naha", OKINAWA, 26.2124, 127.6792, 320, 3.5),
      place("沖縄", "Okinawa City", OKINAWA, 26.3344, 127.8056, 140, 3.5));

  private static final Map<String, JapanPlace> BY_NAME = indexByName(ALL);
  /** Draws places in proportion to their weight; shared by the job and worker generators. */
  static final Weighted<JapanPlace> BY_WEIGHT = new Weighted<>(ALL, JapanPlace::weight);

  private JapanPlaces() {}

  /** Every place, in a fixed order (north to south, roughly); an unmodifiable list. */
  public static List<JapanPlace> all() {
    return ALL;
  }

  /** The place with this Japanese name, if the table has it. */
  public static Optional<JapanPlace> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /**
   * The index in {@link #all()} of the place whose centre is nearest to {@code p} (on a local
   * flat projection, with {@link StrictMath} so that every platform picks the same; the first
   * of equally near places).
   */
  static int nearestIndex(GeoPoint p) {
    double cosLat = StrictMath.cos(StrictMath.toRadians(p.latitude()));
    int best = 0;
    double bestSquared = Double.POSITIVE_INFINITY;
    for (int i = 0; i < ALL.size(); i++) {
      GeoPoint c = ALL.get(i).center();
      double dLat = c.latitude() - p.latitude();
      double dLng = (c.longitude() - p.longitude()) * cosLat;
      double squared = dLat * dLat + dLng * dLng;
      if (squared < bestSquared) {
        bestSquared = squared;
        best = i;
      }
    }
    return best;
  }

  private static JapanPlace place(String name, String romaji, Prefecture prefecture, double latitude,
      double longitude, double weight, double spreadKm) {
    return new JapanPlace(name, romaji, prefecture, GeoPoint.of(latitude, longitude), weight, spreadKm);
  }

  private static Map<String, JapanPlace> indexByName(List<JapanPlace> places) {
    Map<String, JapanPlace> byName = new HashMap<>();
    for (JapanPlace p : places) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalStateException("place.name: " + p.name() + " appears twice");
      }
    }
    return Map.copyOf(byName);
  }
}
