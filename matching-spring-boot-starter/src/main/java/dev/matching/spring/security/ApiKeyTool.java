package dev.matching.spring.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates API keys from the command line. Without arguments it prints a new random key (256 bits,
 * URL-safe Base64 with an {@code mk_} prefix) and the hash to configure; with {@code --hash} it
 * reads a key from standard input and prints its hash.
 *
 * <pre>
 * java -cp matching-spring-boot-starter.jar dev.matching.spring.security.ApiKeyTool
 * printf %s "$KEY" | java -cp ... dev.matching.spring.security.ApiKeyTool --hash
 * </pre>
 */
public final class ApiKeyTool {
  private static final int KEY_BYTES = 32;

  private ApiKeyTool() {}

  /** A new random key. */
  public static String newKey() {
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    return "mk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Prints a new key and its hash, or the hash of the key on standard input with {@code --hash}. */
  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("--hash")) {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String key = in.readLine();
      if (key == null || key.isBlank()) {
        System.err.println("expected the key on standard input");
        System.exit(2);
      }
      System.out.println(ApiKeys.hash(key.strip()));
    } else if (args.length == 0) {
      String key = newKey();
      System.out.println("key:  " + key);
      System.out.println("hash: " + ApiKeys.hash(key));
      System.out.println("Give the key to its user once; configure only the hash (matching.security.keys[n].hash).");
    } else {
      System.err.println("usage: ApiKeyTool [--hash]");
      System.exit(2);
    }
  }
}
