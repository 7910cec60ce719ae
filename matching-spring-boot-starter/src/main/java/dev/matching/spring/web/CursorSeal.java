package dev.matching.spring.web;

import dev.matching.model.internal.Checks;
import dev.matching.query.Cursor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals paging cursors so that they are opaque to every caller: AES-256-GCM under a key derived
 * from {@code matching.web.cursor-secret} (SHA-256 of the secret), a random 96-bit nonce per
 * cursor, and the ranking the cursor belongs to (a context string chosen by the controller) as
 * associated data. A cursor therefore reveals nothing of the score it holds, and one that was
 * modified, sealed under another key, or taken from another ranking does not open. Thread-safe.
 *
 * <p>Without a secret the key is random per process: cursors then do not survive a restart and
 * are not accepted by other nodes (logged once at INFO).
 */
public final class CursorSeal {
  private static final Logger LOG = LoggerFactory.getLogger(CursorSeal.class);
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  /**
   * A seal keyed by {@code secret}; with null or blank, by a random key of this process.
   *
   * @param secret the shared secret of all nodes serving the API, or null
   */
  public CursorSeal(@Nullable String secret) {
    byte[] material;
    if (secret == null || secret.isBlank()) {
      material = new byte[32];
      RANDOM.nextBytes(material);
      LOG.info("matching.web.cursor-secret is not set: paging cursors are sealed with a"
          + " random key of this process, so they do not survive a restart and are not accepted by other nodes");
    } else {
      material = sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
    this.key = new SecretKeySpec(material, "AES");
  }

  /** The opaque, URL-safe text of {@code cursor}, valid only for rankings of {@code context}. */
  public String seal(Cursor cursor, String context) {
    byte[] id = cursor.id().getBytes(StandardCharsets.UTF_8);
    byte[] plain = ByteBuffer.allocate(8 + id.length).putLong(Double.doubleToLongBits(cursor.score())).put(id).array();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(context));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The cursor sealed in {@code text} for {@code context}.
   *
   * @throws IllegalArgumentException naming {@code cursor} when the text was not sealed by this
   *     key for this context, or was modified
   */
  public Cursor open(String text, String context) {
    try {
      byte[] in = Base64.getUrlDecoder().decode(text);
      if (in.length >= 1 + NONCE_BYTES + TAG_BITS / 8 + 9 && in[0] == VERSION) {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 1, NONCE_BYTES));
        cipher.updateAAD(aad(context));
        byte[] plain = cipher.doFinal(in, 1 + NONCE_BYTES, in.length - 1 - NONCE_BYTES);
        double score = Double.longBitsToDouble(ByteBuffer.wrap(plain, 0, 8).getLong());
        String id = new String(plain, 8, plain.length - 8, StandardCharsets.UTF_8);
        if (score >= 0 && score <= 1 && !id.isEmpty()) {
          return new Cursor(score, id);
        }
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      // reported below, without the reason: a caller learns only that the cursor is not valid here
    }
    throw Checks.fail("cursor", "not a cursor of a previous page of this ranking, was \""
        + (text.length() <= 64 ? text : text.substring(0, 64) + "...") + "\"");
  }

  private static byte[] aad(String context) {
    byte[] c = context.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + c.length).put(VERSION).put(c).array();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
