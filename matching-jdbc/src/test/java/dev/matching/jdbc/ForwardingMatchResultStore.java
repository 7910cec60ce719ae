package dev.matching.jdbc;

import dev.matching.query.Direction;
import dev.matching.query.Match;
import dev.matching.spi.MatchList;
import dev.matching.spi.MatchResultStore;
import dev.matching.spi.PartitionLease;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/** A {@link MatchResultStore} delegating everything; tests override a method to inject a failure or a stall. */
class ForwardingMatchResultStore implements MatchResultStore {
  private final MatchResultStore delegate;

  ForwardingMatchResultStore(MatchResultStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public void write(Direction direction, long generation, Instant computedAt, Map<String, List<Match>> lists) {
    delegate.write(direction, generation, computedAt, lists);
  }

  @Override
  public void write(PartitionLease writer, Direction direction, long generation, Instant computedAt,
      Map<String, List<Match>> lists) {
    delegate.write(writer, direction, generation, computedAt, lists);
  }

  @Override
  public boolean publishIfNewer(Direction direction, long generation) {
    return delegate.publishIfNewer(direction, generation);
  }

  @Override
  public void publish(Direction direction, long generation) {
    delegate.publish(direction, generation);
  }

  @Override
  public OptionalLong publishedGeneration(Direction direction) {
    return delegate.publishedGeneration(direction);
  }

  @Override
  public Optional<MatchList> find(Direction direction, String subjectId) {
    return delegate.find(direction, subjectId);
  }

  @Override
  public long deleteGenerationsBefore(Direction direction, long generation) {
    return delegate.deleteGenerationsBefore(direction, generation);
  }

  @Override
  public long erase(String id) {
    return delegate.erase(id);
  }

  @Override
  public long deleteComputedBefore(Instant cutoff) {
    return delegate.deleteComputedBefore(cutoff);
  }

  @Override
  public List<Long> generations(Direction d) {
    return delegate.generations(d);
  }

  @Override
  public List<MatchList> list(Direction d, long generation, @Nullable String afterSubjectId, int limit) {
    return delegate.list(d, generation, afterSubjectId, limit);
  }
}
