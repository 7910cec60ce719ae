package dev.matching.spring.web;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Entity versions as HTTP entity tags (version 3 is the strong ETag {@code "3"}) and the
 * conditional request headers of RFC 9110 on them.
 */
final class Versions {
  /** The expected version meaning "only if absent" ({@code If-None-Match: *}). */
  static final long ABSENT = 0;

  private Versions() {}

  /**
   * An {@code If-Match} precondition: {@code *} (the resource exists) or a list of entity tags,
   * of which the strong ones name versions. Weak tags never match (If-Match compares strongly).
   *
   * @param any whether the header is {@code *}
   * @param versions the versions the strong tags name
   */
  record IfMatch(boolean any, Set<Long> versions) {
    /** Whether the precondition holds for a resource at {@code current} (null: absent). */
    boolean holds(@Nullable Long current) {
      return current != null && (any || versions.contains(current));
    }
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The precondition an {@code If-Match} header states, or null without the header.
   *
   * @throws InvalidRequestException naming {@code If-Match} when it is empty or not a list of
   *     entity tags
   */
  static @Nullable IfMatch ifMatch(@Nullable String header) {
    if (header == null) {
      return null;
    }
    if (header.isBlank()) {
      throw InvalidRequestException.of("If-Match", "must not be empty: send * or entity tags such as \"3\"");
    }
    if (header.trim().equals("*")) {
      return new IfMatch(true, Set.of());
    }
    Set<Long> versions = new LinkedHashSet<>();
    int i = 0;
    int n = header.length();
    boolean expectTag = true;
    int tags = 0;
    while (i < n) {
      char c = header.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == ',') {
        expectTag = true;
        i++;
      } else if (expectTag) {
        boolean weak = header.startsWith("W/", i);
        int open = weak ? i + 2 : i;
        int close = open < n && header.charAt(open) == '"' ? header.indexOf('"', open + 1) : -1;
        if (close < 0) {
          throw malformed("If-Match", header);
        }
        if (!weak) {
          parseVersion(header.substring(open + 1, close), versions);
        }
        i = close + 1;
        expectTag = false;
        tags++;
      } else {
        throw malformed("If-Match", header);
      }
    }
    if (tags == 0) {
      throw malformed("If-Match", header);
    }
    return new IfMatch(false, Set.copyOf(versions));
  }

  /**
   * Whether an {@code If-None-Match} header asks to create only ({@code *}).
   *
   * @throws InvalidRequestException naming {@code If-None-Match} when it is empty or not {@code *}
   */
  static boolean createOnly(@Nullable String header) {
    if (header == null) {
      return false;
    }
    if (header.isBlank()) {
      throw InvalidRequestException.of("If-None-Match", "must not be empty: send * to create only");
    }
    if (header.trim().equals("*")) {
      return true;
    }
    throw InvalidRequestException.of("If-None-Match", "only * (create if absent) is supported on writes, was " + header);
  }

  private static void parseVersion(String opaque, Set<Long> versions) {
    if (opaque.isEmpty() || opaque.length() > 18 || !opaque.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return; // a tag this API never sends: matches nothing
    }
    long v = Long.parseLong(opaque);
    if (v >= 1) {
      versions.add(v);
    }
  }

  private static InvalidRequestException malformed(String header, String value) {
    return InvalidRequestException.of(header,
        "must be * or a comma-separated list of entity tags such as \"3\", was " + value);
  }
}
