package dev.matching.redis;

/**
 * A running subscription to change events. Thread-safe; {@link #close()} is idempotent.
 */
public interface ChangeSubscription extends AutoCloseable {

  /**
   * Messages dropped because the listener fell behind by more than the inbox holds; each drop is
   * recovered like any other missed event (from the stream, or by a resync).
   */
  long droppedMessages();

  /** Unsubscribes, closes the Pub/Sub connection and stops the delivery thread. */
  @Override
  void close();
}
