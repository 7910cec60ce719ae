package dev.matching.spi.memory;

import dev.matching.model.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A {@link MatchResultStore} held in memory, for tests, examples and single-node deployments.
 * Thread-safe: one read-write lock guards all generations, so writes, publishes and erasures are
 * atomic and readers never see a half-written partition.
 */
public final class InMemoryMatchResultStore implements MatchResultStore {

  private final Guard guard = new Guard();
  private final Map<Direction, Results> results = new EnumMap<>(Direction.class);

  /** An empty store, nothing published. */
  public InMemoryMatchResultStore() {
    for (Direction direction : Direction.values()) {
      results.put(direction, new Results());
    }
  }

  @Override
  public void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> listsBySubject) {
    Checks.required(direction, "direction");
    Limits.atLeast(generation, 1, "generation");
    Checks.required(computedAt, "computedAt");
    Checks.required(listsBySubject, "listsBySubject");
    List<MatchList> lists = new ArrayList<>(listsBySubject.size());
    for (Map.Entry<String, List<Match>> entry : listsBySubject.entrySet()) {
      lists.add(new MatchList(direction, Checks.id(entry.getKey(), "listsBySubject"), generation, computedAt,
          Checks.listOf(entry.getValue(), "listsBySubject[" + entry.getKey() + "]")));
    }
    if (lists.isEmpty()) {
      return;
    }
    guard.write(() -> {
      Map<String, MatchList> bySubject = results.get(direction).generation(generation);
      for (MatchList list : lists) {
        bySubject.put(list.subjectId(), list);
      }
    });
  }

  @Override
  public void publish(Direction direction, long generation) {
    Checks.required(direction, "direction");
    Limits.atLeast(generation, 1, "generation");
    guard.write(() -> {
      results.get(direction).published = generation;
    });
  }

  @Override
  public OptionalLong publishedGeneration(Direction direction) {
    Checks.required(direction, "direction");
    long published = guard.read(() -> results.get(direction).published);
    return published == 0 ? OptionalLong.empty() : OptionalLong.of(published);
  }

  @Override
  public Optional<MatchList> find(Direction direction, String subjectId) {
    Checks.required(direction, "direction");
    Checks.required(subjectId, "subjectId");
    return guard.read(() -> {
      Results r = results.get(direction);
      Map<String, MatchList> published = r.byGeneration.get(r.published);
      return Optional.ofNullable(published == null ? null : published.get(subjectId));
    });
  }

  @Override
  public long deleteGenerationsBefore(Direction direction, long generation) {
    Checks.required(direction, "direction");
    return guard.write(() -> {
      Results r = results.get(direction);
      long deleted = 0;
      Iterator<Map.Entry<Long, Map<String, MatchList>>> older =
          r.byGeneration.headMap(generation, false).entrySet().iterator();
      while (older.hasNext()) {
        Map.Entry<Long, Map<String, MatchList>> entry = older.next();
        if (entry.getKey() != r.published) {
          deleted += entry.getValue().size();
          older.remove();
        }
      }
      return deleted;
    });
  }

  @Override
  public long erase(String id) {
    Checks.required(id, "id");
    return guard.write(() -> {
      long touched = 0;
      for (Results r : results.values()) {
        for (Map<String, MatchList> bySubject : r.byGeneration.values()) {
          touched += eraseFrom(bySubject, id);
        }
        r.byGeneration.values().removeIf(Map::isEmpty);
      }
      return touched;
    });
  }

  /** Erases {@code id} from one generation; returns how many lists were deleted or changed. */
  private static long eraseFrom(Map<String, MatchList> bySubject, String id) {
    long touched = bySubject.remove(id) == null ? 0 : 1;
    for (Map.Entry<String, MatchList> entry : bySubject.entrySet()) {
      MatchList list = entry.getValue();
      List<Match> kept = new ArrayList<>(list.matches().size());
      for (Match match : list.matches()) {
        if (!match.id().equals(id)) {
          kept.add(match);
        }
      }
      if (kept.size() != list.matches().size()) {
        entry.setValue(new MatchList(list.direction(), list.subjectId(), list.generation(), list.computedAt(), kept));
        touched++;
      }
    }
    return touched;
  }

  /** The generations of one direction; guarded by the store's lock. */
  private static final class Results {
    final TreeMap<Long, Map<String, MatchList>> byGeneration = new TreeMap<>();
    /** The published generation, 0 before the first publish. */
    long published;

    Map<String, MatchList> generation(long generation) {
      return byGeneration.computeIfAbsent(generation, g -> new HashMap<>());
    }
  }
}
