package dev.matching.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@link IdOrder} compares as {@link String#compareTo}, whether or not the ids come sorted. */
class IdOrderProperties {

  /** Ids sharing a prefix, short and long, with NULs and chars beyond Latin-1 now and then. */
  private static String[] ids(long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    String prefix = "job-" + "0".repeat(r.nextInt(4));
    String alphabet = "\u0000\u00010129az~\u00e9\u3042\uffff";
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder(prefix);
      int len = r.nextInt(7);
      for (int c = 0; c < len; c++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      ids[i] = b.toString();
    }
    return ids;
  }

  @Property(tries = 200)
  void comparesAsStringsDo(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll boolean sortedInput) {
    String[] ids = ids(seed, n);
    if (sortedInput) {
      ids = Arrays.stream(ids).distinct().sorted().toArray(String[]::new);
    }
    IdOrder order = IdOrder.of(ids);
    int[] permutation = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      permutation[i] = (int) ((i * 7L + seed % 5 + 5) % ids.length);
    }
    // a permutation only when the multiplier is coprime with the length; otherwise an identity
    if (Arrays.stream(permutation).distinct().count() != ids.length) {
      for (int i = 0; i < ids.length; i++) {
        permutation[i] = ids.length - 1 - i;
      }
    }
    IdOrder permuted = order.permuted(permutation);
    for (int a = 0; a < ids.length; a++) {
      for (int b = 0; b < ids.length; b++) {
        assertThat(Integer.signum(order.compare(a, b))).isEqualTo(Integer.signum(ids[a].compareTo(ids[b])));
        assertThat(Integer.signum(permuted.compare(a, b)))
            .isEqualTo(Integer.signum(ids[permutation[a]].compareTo(ids[permutation[b]])));
      }
    }
  }

  @Property(tries = 100)
  void sortedRunsAreInIdOrderAndKeepTheirMembers(@ForAll long seed, @ForAll @IntRange(min = 1, max = 700) int n) {
    String[] ids = ids(seed, n);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = n - 1 - i;
    }
    int[] before = order.clone();
    Segment.sortRunsById(order, IdOrder.of(ids));
    for (int from = 0; from < n; from += Segment.FINE) {
      int to = Math.min(n, from + Segment.FINE);
      int[] a = Arrays.copyOfRange(before, from, to);
      int[] b = Arrays.copyOfRange(order, from, to);
      Arrays.sort(a);
      assertThat(Arrays.stream(b).sorted().toArray()).isEqualTo(a);
      for (int i = from + 1; i < to; i++) {
        assertThat(ids[order[i - 1]].compareTo(ids[order[i]])).isLessThanOrEqualTo(0);
      }
    }
  }
}
