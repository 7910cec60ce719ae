package dev.matching.spring.web;

import java.util.List;

/** A request body or parameter failed validation; answered with 400 and every field error. */
public class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  /** With the field errors, at least one. */
  public InvalidRequestException(List<FieldError> errors) {
    super(errors.size() + " invalid field(s): " + errors);
    this.errors = List.copyOf(errors);
  }

  /** One field error. */
  public static InvalidRequestException of(String field, String message) {
    return new InvalidRequestException(List.of(new FieldError(field, message)));
  }

  /** The field errors. */
  public List<FieldError> errors() {
    return errors;
  }
}
