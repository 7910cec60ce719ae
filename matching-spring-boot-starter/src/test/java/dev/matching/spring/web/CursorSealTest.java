package dev.matching.spring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.matching.query.Cursor;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Sealed cursors: they open to the exact position, and only with the same key and context. */
class CursorSealTest {
  private final CursorSeal seal = new CursorSeal("a-secret-of-the-deployment");

  @Property(tries = 300)
  void aSealedCursorOpensToTheSamePosition(@ForAll @DoubleRange(min = 0, max = 1) double score,
      @ForAll @StringLength(min = 1, max = 80) String id, @ForAll String context) {
    Cursor c = new Cursor(score, id);
    String text = seal.seal(c, context);
    assertThat(seal.open(text, context)).isEqualTo(c);
    assertThat(new CursorSeal("a-secret-of-the-deployment").open(text, context)).isEqualTo(c); // another node
    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(seal.seal(c, context)).isNotEqualTo(text); // a fresh nonce each time
  }

  @Test
  void aModifiedForeignOrPlainCursorDoesNotOpen() {
    String text = seal.seal(new Cursor(0.75, "job-1"), "ctx");
    byte[] bytes = Base64.getUrlDecoder().decode(text);
    for (int i = 0; i < bytes.length; i++) {
      byte[] changed = bytes.clone();
      changed[i] ^= 1;
      String bad = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
      assertThatThrownBy(() -> seal.open(bad, "ctx")).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("cursor: ");
    }
    assertThatThrownBy(() -> seal.open(text, "other")).hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> new CursorSeal("another-secret-entirely").open(text, "ctx"))
        .hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> new CursorSeal(null).open(text, "ctx")).hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> seal.open(new Cursor(0.75, "job-1").encode(), "ctx")).hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> seal.open("not base64 !", "ctx")).hasMessageStartingWith("cursor: ");
    assertThatThrownBy(() -> seal.open("", "ctx")).hasMessageStartingWith("cursor: ");
  }
}
