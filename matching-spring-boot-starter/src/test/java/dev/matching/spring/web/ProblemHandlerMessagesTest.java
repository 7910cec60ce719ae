package dev.matching.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.InvalidArgumentException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Error bodies carry no database or library internals, even when a store refuses data. */
class ProblemHandlerMessagesTest {
  private final ProblemHandler handler = new ProblemHandler();

  @Test
  void aStoreRefusalIsAnsweredWithoutTheDatabaseMessage() {
    ProblemDetail p = handler.illegalArgument(new IllegalArgumentException("upserting 2 jobs: the database refused"
        + " the data (SQLState 22P05): org.postgresql.util.PSQLException: ERROR: unsupported Unicode escape sequence"))
        .getBody();

    assertThat(p).isNotNull();
    assertThat(p.getProperties()).containsEntry("errors", List.of(new FieldError("body", "could not be stored")));
    assertThat(p.getDetail()).doesNotContain("SQLState", "postgresql", "Exception");
  }

  @Test
  void aDomainRefusalKeepsItsField() {
    ProblemDetail p = handler.illegalArgument(new InvalidArgumentException("topN", "must be within [1, 1000], was 0"))
        .getBody();

    assertThat(p.getProperties()).containsEntry("errors", List.of(new FieldError("top_n", "must be within [1, 1000], was 0")));
  }

  @Test
  void anUntypedRefusalIsNotParsedForAField() {
    ProblemDetail p = handler.illegalArgument(new IllegalArgumentException("topN: must be within [1, 1000], was 0"))
        .getBody();

    assertThat(p.getProperties())
        .containsEntry("errors", List.of(new FieldError("request", "topN: must be within [1, 1000], was 0")));
  }
}
