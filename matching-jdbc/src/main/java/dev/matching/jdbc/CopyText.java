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
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        switch (c) {
          case '\\':
            out.write("\\\\");
            break;
          case '\t':
            out.write("\\t");
            break;
          case '\n':
            out.write("\\n");
            break;
          case '\r':
            out.write("\\r");
            break;
          default:
            out.write(c);
        }
      }
    }
  }
}
