package dev.matching.jdbc;

import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/** Writes values in the text format of PostgreSQL's {@code COPY}. Stateless. */
final class CopyText {

  private CopyText() {}

  /**
   * Writes {@code value} as one field: {@code \N} for null, {@code t}/{@code f} for booleans,
   * the decimal form of numbers, and strings with backslash, tab, newline and carriage return
   * escaped.
   */
  static void field(Writer out, @Nullable Object value) throws IOException {
    if (value == null) {
      out.write("\\N");
    } else if (value instanceof Boolean) {
      out.write((Boolean) value ? 't' : 'f');
    } else if (value instanceof Number) {
      out.write(value.toString());
    } else {
      String text = value.toString();
      int first = firstSpecial(text);
      if (first < 0) {
        out.write(text);
        return;
      }
      StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
      for (int i = first; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\':
            escaped.append("\\\\");
            break;
          case '\t':
            escaped.append("\\t");
            break;
          case '\n':
            escaped.append("\\n");
            break;
          case '\r':
            escaped.append("\\r");
            break;
          default:
            escaped.append(c);
        }
      }
      out.write(escaped.toString());
    }
  }

  /** Index of the first character that needs escaping, or -1. */
  private static int firstSpecial(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return i;
      }
    }
    return -1;
  }
}
