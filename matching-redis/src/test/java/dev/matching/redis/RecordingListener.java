package dev.matching.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link ChangeListener} that queues what it gets, for tests to take with a deadline. */
final class RecordingListener implements ChangeListener {

  /** A resync request, as recorded. */
  record Resync(String reason) {}

  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

  @Override
  public void onChange(ChangeEvent event) {
    received.add(event);
  }

  @Override
  public void onResyncRequired(String reason) {
    received.add(new Resync(reason));
  }

  /** The next {@code count} callbacks (events or {@link Resync}s); fails after {@code timeout}. */
  List<Object> take(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Object> taken = new ArrayList<>(count);
    while (taken.size() < count) {
      long left = deadline - System.nanoTime();
      Object next;
      try {
        next = received.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted after " + taken, e);
      }
      if (next == null) {
        throw new AssertionError("Got only " + taken + " of " + count + " callbacks within " + timeout);
      }
      taken.add(next);
    }
    return taken;
  }

  /** Callbacks received so far and not taken. */
  List<Object> pending() {
    List<Object> pending = new ArrayList<>();
    received.drainTo(pending);
    return pending;
  }
}
