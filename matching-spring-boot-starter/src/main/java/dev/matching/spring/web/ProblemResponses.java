package dev.matching.spring.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes a problem+json answer directly to a servlet response, for servlet filters that answer
 * before a controller is reached (413, 401, 403, 429, 503). Same shape as {@link ProblemHandler}'s.
 */
public final class ProblemResponses {
  private ProblemResponses() {}

  /**
   * Sets {@code status}, the problem+json content type and a body with {@code type} (appended to
   * {@link ProblemHandler#TYPE_BASE}), {@code title}, {@code status} and {@code detail}.
   */
  public static void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":" + quote(ProblemHandler.TYPE_BASE + type) + ",\"title\":" + quote(title)
        + ",\"status\":" + status.value() + ",\"detail\":" + quote(detail) + "}");
  }

  /**
   * A 400 {@code invalid-request} problem with one field error, the same shape as
   * {@link ProblemHandler}'s answers to invalid input.
   */
  public static void writeInvalid(HttpServletResponse response, String field, String message) throws IOException {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":" + quote(ProblemHandler.TYPE_BASE + "invalid-request")
        + ",\"title\":\"Invalid request\",\"status\":400,\"detail\":" + quote(field + ": " + message)
        + ",\"errors\":[{\"field\":" + quote(field) + ",\"message\":" + quote(message) + "}]}");
  }

  /** {@code text} as a JSON string literal. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
