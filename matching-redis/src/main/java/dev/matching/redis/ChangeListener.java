package dev.matching.redis;

/**
 * Receives the change events of a {@link RedisChangeEvents#subscribe subscription}. Both methods
 * are called from the subscription's own single thread, in order, never concurrently, so an
 * implementation needs no locking of its own for state only they touch. A method that throws is
 * treated as a lost event: {@link #onResyncRequired} follows.
 */
public interface ChangeListener {

  /** An entity changed; refresh it from its store. Events arrive in publication order. */
  void onChange(ChangeEvent event);

  /**
   * Events may have been missed (a gap the event stream can no longer fill, Redis lost its data,
   * or this listener failed): reload or refresh the index from the stores, for example with
   * {@link dev.matching.spi.EntityStore#changesSince}. Events after this call continue normally.
   *
   * @param reason what was detected, for logs
   */
  void onResyncRequired(String reason);
}
