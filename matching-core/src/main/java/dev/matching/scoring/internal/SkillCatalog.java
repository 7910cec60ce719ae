package dev.matching.scoring.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Dense integer ids for skill codes, so that scoring compares ints instead of strings.
 * Thread-safe: ids are assigned once and never change.
 */
public final class SkillCatalog {
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

  /** The id of {@code skill}, assigning the next free id on first sight. */
  public int intern(String skill) {
    Integer id = ids.get(skill);
    if (id != null) {
      return id;
    }
    synchronized (this) {
      return ids.computeIfAbsent(skill, s -> ids.size());
    }
  }

  /** The id of {@code skill}, or -1 when it was never interned. */
  public int find(String skill) {
    Integer id = ids.get(skill);
    return id == null ? -1 : id;
  }

  /** Number of skills interned so far; ids are {@code 0..size()-1}. */
  public int size() {
    return ids.size();
  }

  /** The bit of a skill id in the 64-bit skill masks: ids of 63 and above (or -1) share bit 63. */
  public static long bit(int id) {
    return id >= 0 && id < 63 ? 1L << id : 1L << 63;
  }
}
