package dev.matching.spi.support;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for background work (polling, refreshing, event delivery): daemon threads, so a
 * forgotten {@code close()} never keeps a JVM alive, named {@code name-1}, {@code name-2}, ... so a
 * thread dump says whose they are. Thread-safe.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory of daemon threads named {@code name-N}, N counting from 1 per factory. */
  public static ThreadFactory named(String name) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts {@code task} now on a new daemon thread called exactly {@code name}. */
  public static Thread start(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
