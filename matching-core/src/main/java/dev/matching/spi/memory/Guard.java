package dev.matching.spi.memory;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/** A read-write lock that runs actions under it: reads share it, writes are exclusive. */
final class Guard {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Runs {@code action} under the shared read lock. */
  <R> R read(Supplier<R> action) {
    return locked(lock.readLock(), action);
  }

  /** Runs {@code action} under the exclusive write lock. */
  <R> R write(Supplier<R> action) {
    return locked(lock.writeLock(), action);
  }

  /** Runs {@code action} under the exclusive write lock. */
  void write(Runnable action) {
    write(() -> {
      action.run();
      return null;
    });
  }

  private static <R> R locked(Lock lock, Supplier<R> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
