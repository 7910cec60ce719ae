package dev.matching.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The accepted API keys, held only as SHA-256 hashes. A presented key is hashed and compared
 * with every configured hash in constant time, so neither the timing of one comparison nor the
 * position of a match tells anything about the keys. Immutable and thread-safe.
 */
public final class ApiKeys {
  /** Prefix of a stored hash. */
  public static final String HASH_PREFIX = "sha256:";
  private static final Pattern HASH = Pattern.compile("sha256:[0-9a-f]{64}");

  /** A configured key: its hash and who it stands for. */
  record Entry(byte[] sha256, ApiPrincipal principal) {}

  private final List<Entry> entries;

  ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Whether {@code hash} has the stored form {@code sha256:<64 lower-case hex digits>}. */
  static boolean isWellFormedHash(String hash) {
    return HASH.matcher(hash).matches();
  }

  /** The digest bytes of a well-formed stored hash. */
  static byte[] digestOf(String hash) {
    return HexFormat.of().parseHex(hash.substring(HASH_PREFIX.length()));
  }

  /** The stored form of {@code key}: {@code sha256:} and the hex SHA-256 of its UTF-8 bytes. */
  public static String hash(String key) {
    return HASH_PREFIX + HexFormat.of().formatHex(sha256(key));
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The principal of {@code presentedKey}, empty when no configured key matches. */
  public Optional<ApiPrincipal> authenticate(String presentedKey) {
    byte[] presented = sha256(presentedKey);
    ApiPrincipal found = null;
    for (Entry entry : entries) {
      if (MessageDigest.isEqual(entry.sha256(), presented) && found == null) {
        found = entry.principal();
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many keys are configured. */
  public int size() {
    return entries.size();
  }
}
