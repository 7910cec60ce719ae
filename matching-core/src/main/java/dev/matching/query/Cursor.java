package dev.matching.query;

import dev.matching.model.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque position in a ranking: everything ranked after the match with this score and id.
 * Immutable. Rankings order by score descending, then id ascending, so a cursor names one exact
 * place; concatenating pages read with successive cursors yields the full ranking.
 *
 * @param score the score of the last match of the previous page
 * @param id the id of the last match of the previous page
 */
public record Cursor(double score, String id) {

  private static final String PREFIX = "m1:";

  /** Whether a match with {@code score} and {@code id} ranks after this cursor. */
  public boolean isBefore(double otherScore, String otherId) {
    return otherScore < score || (otherScore == score && otherId.compareTo(id) > 0);
  }

  /** The opaque, URL-safe text form. */
  public String encode() {
    String raw = PREFIX + Long.toHexString(Double.doubleToLongBits(score)) + ":" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor after {@code match}. */
  public static Cursor after(Match match) {
    return new Cursor(match.score(), match.id());
  }

  /**
   * Parses {@link #encode()}'s output.
   *
   * @throws IllegalArgumentException naming {@code cursor} when the text is not a cursor
   */
  public static Cursor decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      if (raw.startsWith(PREFIX)) {
        int colon = raw.indexOf(':', PREFIX.length());
        if (colon > PREFIX.length() && colon < raw.length() - 1) {
          double score = Double.longBitsToDouble(Long.parseUnsignedLong(raw.substring(PREFIX.length(), colon), 16));
          if (score >= 0 && score <= 1) {
            return new Cursor(score, raw.substring(colon + 1));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw Checks.fail("cursor", "not a cursor from a previous page, was \"" + shorten(text) + "\"");
  }

  private static String shorten(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
