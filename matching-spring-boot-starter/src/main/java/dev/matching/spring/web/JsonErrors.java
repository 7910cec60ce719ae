package dev.matching.spring.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Describes why a JSON body could not be read, naming the JSON path of the culprit. */
final class JsonErrors {
  private JsonErrors() {}

  static FieldError describe(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return new FieldError(path(u), "is not a known property" + known(u));
    }
    if (cause instanceof JacksonException j) {
      String path = path(j);
      String original = j.getOriginalMessage();
      if (original == null) {
        original = "could not be read";
      }
      int newline = original.indexOf('\n');
      return new FieldError(path.isEmpty() ? "body" : path, newline > 0 ? original.substring(0, newline) : original);
    }
    return new FieldError("body", "is not readable JSON");
  }

  private static String known(UnrecognizedPropertyException u) {
    var ids = u.getKnownPropertyIds();
    return ids == null || ids.isEmpty() ? "" : " (known: " + ids + ")";
  }

  private static String path(JacksonException e) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
