package dev.matching.redis;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.StorageException;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MatchResultStore} in Redis. Per direction there is one hash per generation
 * ({@code {prefix}:results:{direction}:gen:{generation}}, subject id to a JSON list, see
 * {@code docs/redis.md}), a sorted set of the generations written and a key holding the published
 * generation. Every method is one Lua script or one command, so a write, a publish and a read are
 * each atomic: a reader sees the published generation and a list of that same generation, never
 * a half-written partition.
 *
 * <p>Fenced writes ({@link #write(PartitionLease, Direction, long, Instant, Map)}) also keep, per
 * generation, a hash of partition to the highest lease token that wrote it
 * ({@code {generation hash}:fences}) and per partition a set of the subjects that token stored
 * ({@code {generation hash}:part:{partition}}); the check of the token, the deletion of a lower
 * token's lists and the write are one script.
 *
 * <p>An unpublished generation expires {@link RedisMatchingConfig#resultTtl()} after its last
 * write, a formerly published one that long after it was replaced; the published generation does
 * not expire. Its fences hash and partition sets share its expiry. Failures of Redis (down, timed out, paused) surface as {@link StorageException}
 * within {@link RedisMatchingConfig#commandTimeout()}; when {@link #write} throws it, the partition
 * was stored entirely or not at all, and retrying it is harmless.
 *
 * <p>Thread-safe; share one instance. It does not own the connection.
 */
public final class RedisMatchResultStore implements MatchResultStore {

  private static final LuaScript WRITE = LuaScript.load("results-write.lua");
  private static final LuaScript WRITE_FENCED = LuaScript.load("results-write-fenced.lua");
  private static final LuaScript PUBLISH = LuaScript.load("results-publish.lua");
  private static final LuaScript FIND = LuaScript.load("results-find.lua");
  private static final LuaScript DELETE_BEFORE = LuaScript.load("results-delete-before.lua");
  private static final LuaScript SCAN_FOR = LuaScript.load("results-scan-for.lua");
  private static final LuaScript REPLACE_IF_UNCHANGED = LuaScript.load("results-replace-if-unchanged.lua");
  private static final LuaScript DELETE_IF_UNCHANGED = LuaScript.load("results-delete-if-unchanged.lua");
  private static final int MAX_ERASE_ATTEMPTS_PER_LIST = 10;

  private final RedisCalls redis;
  private final RedisMatchingConfig config;
  private final Map<Direction, Keys> keysByDirection = new EnumMap<>(Direction.class);

  /** A store on {@code connection} (a UTF-8 string codec one) with {@code config}. */
  public RedisMatchResultStore(StatefulRedisConnection<String, String> connection, RedisMatchingConfig config) {
    Checks.required(connection, "connection");
    this.config = Checks.required(config, "config");
    this.redis = new RedisCalls(connection, config.commandTimeout());
    for (Direction direction : Direction.values()) {
      keysByDirection.put(direction, new Keys(config.keyPrefix() + ":results:" + direction.name().toLowerCase(Locale.ROOT)));
    }
  }

  @Override
  public void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> listsBySubject) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    Checks.required(computedAt, "computedAt");
    Checks.required(listsBySubject, "listsBySubject");
    String[] args = new String[2 + 2 * listsBySubject.size()];
    args[0] = Long.toString(generation);
    args[1] = Long.toString(config.resultTtl().toMillis());
    int next = 2;
    for (Map.Entry<String, List<Match>> entry : listsBySubject.entrySet()) {
      String subject = Checks.id(entry.getKey(), "listsBySubject");
      List<Match> matches = Checks.listOf(entry.getValue(), "listsBySubject[" + subject + "]");
      args[next++] = subject;
      args[next++] = MatchListCodec.encode(computedAt, matches);
    }
    if (listsBySubject.isEmpty()) {
      return;
    }
    Keys keys = keys(direction);
    redis.eval("write of " + listsBySubject.size() + " lists", WRITE, ScriptOutputType.INTEGER,
        new String[] {keys.generation(generation), keys.generations, keys.published}, args);
  }

  /**
   * {@inheritDoc}
   *
   * <p>One Lua script: compare the token with the partition's entry in the generation's fences
   * hash; if it is higher, {@code HDEL} every subject in the partition set and replace the set
   * and the entry; then {@code HSET} the lists and {@code SADD} their subjects, with the expiry
   * of {@link #write(Direction, long, Instant, Map)} for the hash, the fences hash and every
   * partition set of the generation. When it throws {@link StorageException} by timeout, the
   * script may still run later; retrying with the same lease is harmless.
   */
  @Override
  public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject) {
    Checks.required(writer, "writer");
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    Checks.required(computedAt, "computedAt");
    Checks.required(listsBySubject, "listsBySubject");
    String[] args = new String[4 + 2 * listsBySubject.size()];
    args[0] = Long.toString(generation);
    args[1] = Long.toString(config.resultTtl().toMillis());
    args[2] = Integer.toString(writer.partition());
    args[3] = Long.toString(writer.token());
    int next = 4;
    for (Map.Entry<String, List<Match>> entry : listsBySubject.entrySet()) {
      String subject = Checks.id(entry.getKey(), "listsBySubject");
      List<Match> matches = Checks.listOf(entry.getValue(), "listsBySubject[" + subject + "]");
      args[next++] = subject;
      args[next++] = MatchListCodec.encode(computedAt, matches);
    }
    Keys keys = keys(direction);
    List<Object> reply = redis.eval("fenced write of " + listsBySubject.size() + " lists of partition "
            + writer.partition(), WRITE_FENCED, ScriptOutputType.MULTI,
        new String[] {keys.generation(generation), keys.generations, keys.published}, args);
    if (reply == null || reply.isEmpty() || !(reply.get(0) instanceof Long status)) {
      throw new StorageException("Redis fenced write of partition " + writer.partition() + " of generation "
          + generation + " returned an unexpected reply: " + reply);
    }
    if (status < 0) {
      Object stored = reply.size() > 1 ? reply.get(1) : "?";
      throw new LeaseLostException("Partition " + writer.partition() + " of generation " + generation + " ("
          + direction + ") was written with token " + stored + "; token " + writer.token()
          + " is stale, nothing was written");
    }
  }

  @Override
  public void publish(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    publish(direction, generation, false);
  }

  @Override
  public boolean publishIfNewer(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    return publish(direction, generation, true);
  }

  /** Runs the publish script; returns whether it published. */
  private boolean publish(Direction direction, long generation, boolean onlyIfNewer) {
    Keys keys = keys(direction);
    Long published = redis.eval(onlyIfNewer ? "publish if newer" : "publish", PUBLISH, ScriptOutputType.INTEGER,
        new String[] {keys.published, keys.generations}, Long.toString(generation),
        Long.toString(config.resultTtl().toMillis()), keys.generationPrefix, onlyIfNewer ? "1" : "0");
    return published != null && published == 1;
  }

  @Override
  public OptionalLong publishedGeneration(Direction direction) {
    Checks.required(direction, "direction");
    String published = redis.call("read of the published generation", commands -> commands.get(keys(direction).published));
    return published == null ? OptionalLong.empty() : OptionalLong.of(parseGeneration(published));
  }

  @Override
  public Optional<MatchList> find(Direction direction, String subjectId) {
    Checks.required(direction, "direction");
    Checks.id(subjectId, "subjectId");
    Keys keys = keys(direction);
    List<Object> reply = redis.eval("read of a match list", FIND, ScriptOutputType.MULTI,
        new String[] {keys.published}, keys.generationPrefix, subjectId);
    if (reply == null || reply.size() < 2 || reply.get(1) == null) {
      return Optional.empty();
    }
    long generation = parseGeneration((String) reply.get(0));
    MatchListCodec.Decoded decoded = MatchListCodec.decode((String) reply.get(1));
    return Optional.of(new MatchList(direction, subjectId, generation, decoded.computedAt(), decoded.matches()));
  }

  @Override
  public long deleteGenerationsBefore(Direction direction, long generation) {
    Checks.required(direction, "direction");
    Keys keys = keys(direction);
    Long deleted = redis.eval("deletion of old generations", DELETE_BEFORE, ScriptOutputType.INTEGER,
        new String[] {keys.published, keys.generations}, Long.toString(generation), keys.generationPrefix);
    return deleted == null ? 0 : deleted;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: the subject's own lists are deleted directly ({@code HDEL} per generation); lists
   * holding {@code id} as a match are found by a server-side scan of every stored list of every
   * generation ({@link RedisMatchingConfig#eraseScanBatch()} lists per script call, a substring
   * test each), and only those are read and rewritten, each by compare-and-set. So an erasure
   * costs Redis CPU in proportion to all stored lists, but no index is kept on the write path.
   * Not atomic as a whole: a batch writing while the erasure runs can store {@code id} again, so
   * erase after the entity is gone from the entity stores, and again after a running batch.
   */
  @Override
  public long erase(String id) {
    Checks.required(id, "id");
    String needle = MatchListCodec.quoted(id);
    long touched = 0;
    for (Direction direction : Direction.values()) {
      Keys keys = keys(direction);
      List<String> generations = redis.call("read of the generations", commands -> commands.zrange(keys.generations, 0, -1));
      for (String generation : Objects.requireNonNull(generations)) {
        String hash = keys.generationPrefix + generation;
        Long deleted = redis.call("erasure of a subject's list", commands -> commands.hdel(hash, id));
        touched += deleted == null ? 0 : deleted;
        touched += eraseFromMatches(hash, id, needle);
      }
    }
    return touched;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: reads every stored list of every generation ({@code HSCAN}, decoded here) and
   * deletes the old ones one by one with a compare-and-delete, so a list rewritten meanwhile by
   * a retried partition is kept. Meant for a daily retention run, not the request path. A
   * generation whose last list goes is gone (Redis drops an empty hash).
   */
  @Override
  public long deleteComputedBefore(Instant cutoff) {
    Checks.required(cutoff, "cutoff");
    long deleted = 0;
    for (Direction direction : Direction.values()) {
      Keys keys = keys(direction);
      for (String generation : storedGenerations(keys)) {
        String hash = keys.generationPrefix + generation;
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          ScanCursor from = cursor;
          MapScanCursor<String, String> page = Objects.requireNonNull(redis.call("scan of a generation",
              commands -> commands.hscan(hash, from, ScanArgs.Builder.limit(config.eraseScanBatch()))));
          for (Map.Entry<String, String> entry : page.getMap().entrySet()) {
            if (MatchListCodec.decode(entry.getValue()).computedAt().isBefore(cutoff)) {
              Long removed = redis.eval("retention delete of a list", DELETE_IF_UNCHANGED, ScriptOutputType.INTEGER,
                  new String[] {hash}, entry.getKey(), entry.getValue());
              deleted += removed == null ? 0 : removed;
            }
          }
          cursor = page;
        } while (!cursor.isFinished());
      }
    }
    return deleted;
  }

  @Override
  public List<Long> generations(Direction direction) {
    Checks.required(direction, "direction");
    Keys keys = keys(direction);
    List<Long> generations = new ArrayList<>();
    for (String generation : storedGenerations(keys)) {
      generations.add(parseGeneration(generation));
    }
    Collections.sort(generations);
    return List.copyOf(generations);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: a Redis hash has no order, so every page reads all subject ids of the generation
   * ({@code HKEYS}), sorts them here and reads the page's lists with one {@code HMGET}. Listing a
   * whole generation of n lists in pages of p costs about n²/p ids moved: fine for an integrity
   * check, not for the request path.
   */
  @Override
  public List<MatchList> list(Direction direction, long generation, @Nullable String afterSubjectId, int limit) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    PageLimit.check(limit);
    String hash = keys(direction).generation(generation);
    List<String> subjects = new ArrayList<>(Objects.requireNonNull(
        redis.call("read of a generation's subjects", commands -> commands.hkeys(hash))));
    Collections.sort(subjects);
    List<String> page = new ArrayList<>(Math.min(limit, subjects.size()));
    for (String subject : subjects) {
      if (page.size() == limit) {
        break;
      }
      if (afterSubjectId == null || subject.compareTo(afterSubjectId) > 0) {
        page.add(subject);
      }
    }
    if (page.isEmpty()) {
      return List.of();
    }
    List<io.lettuce.core.KeyValue<String, String>> values = Objects.requireNonNull(redis.call(
        "read of a page of lists", commands -> commands.hmget(hash, page.toArray(String[]::new))));
    List<MatchList> lists = new ArrayList<>(values.size());
    for (io.lettuce.core.KeyValue<String, String> value : values) {
      if (value.hasValue()) {
        MatchListCodec.Decoded decoded = MatchListCodec.decode(value.getValue());
        lists.add(new MatchList(direction, value.getKey(), generation, decoded.computedAt(), decoded.matches()));
      }
    }
    return List.copyOf(lists);
  }

  /** The generations in the generations set whose hash still exists (not expired or emptied). */
  private List<String> storedGenerations(Keys keys) {
    List<String> all = Objects.requireNonNull(
        redis.call("read of the generations", commands -> commands.zrange(keys.generations, 0, -1)));
    List<String> stored = new ArrayList<>(all.size());
    for (String generation : all) {
      Long exists = redis.call("check of a generation", commands -> commands.exists(keys.generationPrefix + generation));
      if (exists != null && exists > 0) {
        stored.add(generation);
      }
    }
    return stored;
  }

  /** Removes {@code id} from every list of one generation hash; returns how many changed. */
  private long eraseFromMatches(String hash, String id, String needle) {
    long changed = 0;
    String cursor = "0";
    do {
      List<Object> reply = Objects.requireNonNull(redis.eval("scan for an erased id", SCAN_FOR, ScriptOutputType.MULTI,
          new String[] {hash}, cursor, Integer.toString(config.eraseScanBatch()), needle));
      cursor = (String) reply.get(0);
      for (int i = 1; i + 1 < reply.size(); i += 2) {
        if (removeMatch(hash, (String) reply.get(i), (String) reply.get(i + 1), id)) {
          changed++;
        }
      }
    } while (!"0".equals(cursor));
    return changed;
  }

  /** Rewrites one list without {@code id}, retrying while concurrent writes replace it. */
  private boolean removeMatch(String hash, String subject, String payload, String id) {
    String current = payload;
    for (int attempt = 0; attempt < MAX_ERASE_ATTEMPTS_PER_LIST; attempt++) {
      MatchListCodec.Decoded decoded = MatchListCodec.decode(current);
      List<Match> kept = new ArrayList<>(decoded.matches().size());
      for (Match match : decoded.matches()) {
        if (!match.id().equals(id)) {
          kept.add(match);
        }
      }
      if (kept.size() == decoded.matches().size()) {
        return false;
      }
      Long replaced = redis.eval("erasure of an id from a list", REPLACE_IF_UNCHANGED, ScriptOutputType.INTEGER,
          new String[] {hash}, subject, current, MatchListCodec.encode(decoded.computedAt(), kept));
      if (replaced != null && replaced == 1) {
        return true;
      }
      current = redis.call("re-read of a list being erased from", commands -> commands.hget(hash, subject));
      if (current == null) {
        return false;
      }
    }
    throw new StorageException("Erasure of an id from list " + subject + " in " + hash
        + " lost " + MAX_ERASE_ATTEMPTS_PER_LIST + " races with concurrent writes; retry the erasure");
  }

  private static long parseGeneration(String stored) {
    try {
      return Long.parseLong(stored);
    } catch (NumberFormatException e) {
      throw new StorageException("Stored generation is not a number: " + stored, e);
    }
  }

  private Keys keys(Direction direction) {
    return keysByDirection.get(direction);
  }

  /**
   * The keys of one direction; immutable. The scripts derive a generation's fences hash
   * ({@code generation(g) + ":fences"}) and partition sets ({@code generation(g) + ":part:" + p})
   * from its hash key.
   */
  private static final class Keys {
    final String published;
    final String generations;
    final String generationPrefix;

    Keys(String base) {
      this.published = base + ":published";
      this.generations = base + ":generations";
      this.generationPrefix = base + ":gen:";
    }

    String generation(long generation) {
      return generationPrefix + generation;
    }
  }
}
