package dev.matching.testing;

import dev.matching.model.Job;
import dev.matching.spi.Change;
import dev.matching.spi.JobStore;
import dev.matching.spi.Versioned;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A job store that delegates everything; tests override a method to inject a failure. */
public class ForwardingJobStore implements JobStore {
  private final JobStore delegate;

  public ForwardingJobStore(JobStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Versioned<Job>> find(String id) {
    return delegate.find(id);
  }

  @Override
  public Versioned<Job> upsert(Job entity) {
    return delegate.upsert(entity);
  }

  @Override
  public Versioned<Job> upsert(Job entity, long expectedVersion) {
    return delegate.upsert(entity, expectedVersion);
  }

  @Override
  public List<Versioned<Job>> upsertAll(List<Job> entities) {
    return delegate.upsertAll(entities);
  }

  @Override
  public boolean delete(String id) {
    return delegate.delete(id);
  }

  @Override
  public void delete(String id, long expectedVersion) {
    delegate.delete(id, expectedVersion);
  }

  @Override
  public List<Versioned<Job>> list(@Nullable String afterId, int limit) {
    return delegate.list(afterId, limit);
  }

  @Override
  public void forEach(Consumer<? super Job> sink) {
    delegate.forEach(sink);
  }

  @Override
  public long count() {
    return delegate.count();
  }

  @Override
  public List<Change> changesSince(long afterSequence, int limit) {
    return delegate.changesSince(afterSequence, limit);
  }

  @Override
  public long lastSequence() {
    return delegate.lastSequence();
  }
}
