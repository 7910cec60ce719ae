package dev.matching.spi.memory;

import dev.matching.model.internal.Checks;
import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.LeaseLostException;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import dev.matching.spi.support.PageLimit;
import dev.matching.spi.support.SpiArguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MatchResultStore} held in memory, for tests, examples and single-node deployments.
 * Thread-safe: one read-write lock guards all generations, so writes, publishes, erasures and
 * retention deletes are atomic and readers never see a half-written partition. Each generation
 * keeps its lists sorted by subject id, so {@link #list} pages cost a tail lookup.
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
    List<MatchList> lists = lists(direction, generation, computedAt, listsBySubject);
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
  public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject) {
    Checks.required(writer, "writer");
    List<MatchList> lists = lists(direction, generation, computedAt, listsBySubject);
    guard.write(() -> {
      Results r = results.get(direction);
      Fence fence = r.fences.computeIfAbsent(generation, g -> new TreeMap<>())
          .computeIfAbsent(writer.partition(), p -> new Fence());
      if (writer.token() < fence.token) {
        throw new LeaseLostException("partition " + writer.partition() + " of generation " + generation
            + " was written with token " + fence.token + "; token " + writer.token() + " is stale");
      }
      Map<String, MatchList> bySubject = r.generation(generation);
      if (writer.token() > fence.token) {
        fence.subjects.forEach(bySubject::remove);
        fence.subjects.clear();
        fence.token = writer.token();
      }
      for (MatchList list : lists) {
        bySubject.put(list.subjectId(), list);
        fence.subjects.add(list.subjectId());
      }
      if (bySubject.isEmpty()) {
        r.byGeneration.remove(generation);
      }
    });
  }

  @Override
  public boolean publishIfNewer(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    return guard.write(() -> {
      Results r = results.get(direction);
      if (r.published >= generation) {
        return false;
      }
      r.published = generation;
      return true;
    });
  }

  @Override
  public void publish(Direction direction, long generation) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
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
      TreeMap<String, MatchList> published = r.byGeneration.get(r.published);
      return Optional.ofNullable(published == null ? null : published.get(subjectId));
    });
  }

  @Override
  public long deleteGenerationsBefore(Direction direction, long generation) {
    Checks.required(direction, "direction");
    return guard.write(() -> {
      Results r = results.get(direction);
      long deleted = 0;
      Iterator<Map.Entry<Long, TreeMap<String, MatchList>>> older =
          r.byGeneration.headMap(generation, false).entrySet().iterator();
      while (older.hasNext()) {
        Map.Entry<Long, TreeMap<String, MatchList>> entry = older.next();
        if (entry.getKey() != r.published) {
          deleted += entry.getValue().size();
          older.remove();
        }
      }
      r.fences.headMap(generation, false).keySet().removeIf(g -> g != r.published);
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

  @Override
  public long deleteComputedBefore(Instant cutoff) {
    Checks.required(cutoff, "cutoff");
    return guard.write(() -> {
      long deleted = 0;
      for (Results r : results.values()) {
        for (Map<String, MatchList> bySubject : r.byGeneration.values()) {
          int before = bySubject.size();
          bySubject.values().removeIf(list -> list.computedAt().isBefore(cutoff));
          deleted += before - bySubject.size();
        }
        r.byGeneration.values().removeIf(Map::isEmpty);
      }
      return deleted;
    });
  }

  @Override
  public List<Long> generations(Direction direction) {
    Checks.required(direction, "direction");
    return guard.read(() -> List.copyOf(results.get(direction).byGeneration.keySet()));
  }

  @Override
  public List<MatchList> list(Direction direction, long generation, @Nullable String afterSubjectId, int limit) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    PageLimit.check(limit);
    return guard.read(() -> {
      TreeMap<String, MatchList> sorted = results.get(direction).byGeneration.get(generation);
      if (sorted == null) {
        return List.<MatchList>of();
      }
      List<MatchList> page = new ArrayList<>();
      for (MatchList list : (afterSubjectId == null ? sorted : sorted.tailMap(afterSubjectId, false)).values()) {
        if (page.size() == limit) {
          break;
        }
        page.add(list);
      }
      return List.copyOf(page);
    });
  }

  /** The lists to write, validated. */
  private static List<MatchList> lists(Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> listsBySubject) {
    Checks.required(direction, "direction");
    SpiArguments.generation(generation);
    Checks.required(computedAt, "computedAt");
    Checks.required(listsBySubject, "listsBySubject");
    List<MatchList> lists = new ArrayList<>(listsBySubject.size());
    for (Map.Entry<String, List<Match>> entry : listsBySubject.entrySet()) {
      lists.add(new MatchList(direction, Checks.id(entry.getKey(), "listsBySubject"), generation, computedAt,
          Checks.listOf(entry.getValue(), "listsBySubject[" + entry.getKey() + "]")));
    }
    return lists;
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

  /** The highest token that wrote one partition of a generation, and the subjects it wrote. */
  private static final class Fence {
    long token;
    final Set<String> subjects = new HashSet<>();
  }

  /** The generations of one direction; guarded by the store's lock. */
  private static final class Results {
    final TreeMap<Long, TreeMap<String, MatchList>> byGeneration = new TreeMap<>();
    /** The published generation, 0 before the first publish. */
    long published;
    /** Per generation, the fence of each partition written by {@link #write(PartitionLease, Direction, long, Instant, Map)}. */
    final TreeMap<Long, Map<Integer, Fence>> fences = new TreeMap<>();

    TreeMap<String, MatchList> generation(long generation) {
      return byGeneration.computeIfAbsent(generation, g -> new TreeMap<>());
    }
  }
}
