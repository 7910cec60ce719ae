package dev.matching.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script shipped as a class-path resource next to this class, with its SHA-1 for
 * {@code EVALSHA}. Immutable and thread-safe.
 *
 * @param name the resource name, for messages
 * @param source the script text
 * @param sha1 lower-case hex SHA-1 of the UTF-8 source, as Redis computes it
 */
record LuaScript(String name, String source, String sha1) {

  /** Loads {@code dev/matching/redis/{name}}; fails fast when the resource is missing. */
  static LuaScript load(String name) {
    try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Lua script resource missing: " + name);
      }
      String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(name, source, HexFormat.of().formatHex(digest));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read Lua script " + name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required of every Java platform", e);
    }
  }
}
