package dev.matching.spring.web;

import org.jspecify.annotations.Nullable;

/** Entity versions as HTTP entity tags: version 3 is the strong ETag {@code "3"}. */
final class Versions {
  /** The expected version meaning "only if absent" ({@code If-None-Match: *}). */
  static final long ABSENT = 0;

  private Versions() {}

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The version an {@code If-Match} header names, or null without one. */
  static @Nullable Long ifMatch(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String tag = header.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      long v = Long.parseLong(tag);
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw InvalidRequestException.of("If-Match", "must be an entity tag from a previous response such as \"3\", was " + header);
  }

  /** Whether an {@code If-None-Match} header asks to create only ({@code *}). */
  static boolean createOnly(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return false;
    }
    if (header.trim().equals("*")) {
      return true;
    }
    throw InvalidRequestException.of("If-None-Match", "only * (create if absent) is supported on writes, was " + header);
  }
}
