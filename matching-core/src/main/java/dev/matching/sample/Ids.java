package dev.matching.sample;

/**
 * The ids of sample entities: a prefix and a zero-padded number, so that string order is
 * numeric order ({@code job-0000001}, {@code worker-0000042}, {@code emp-000123}).
 */
final class Ids {

  private static final int ENTITY_DIGITS = 7;
  private static final int EMPLOYER_DIGITS = 6;

  private Ids() {}

  /** The id of job {@code index} (0-based), numbered from 1. */
  static String job(int index) {
    return padded("job-", index + 1, ENTITY_DIGITS);
  }

  /** The id of worker {@code index} (0-based), numbered from 1. */
  static String worker(int index) {
    return padded("worker-", index + 1, ENTITY_DIGITS);
  }

  /** The id of employer {@code number} (1-based). */
  static String employer(int number) {
    return padded("emp-", number, EMPLOYER_DIGITS);
  }

  private static String padded(String prefix, int number, int digits) {
    char[] chars = new char[prefix.length() + digits];
    prefix.getChars(0, prefix.length(), chars, 0);
    int n = number;
    for (int i = chars.length - 1; i >= prefix.length(); i--) {
      chars[i] = (char) ('0' + n % 10);
      n /= 10;
    }
    return new String(chars);
  }
}
