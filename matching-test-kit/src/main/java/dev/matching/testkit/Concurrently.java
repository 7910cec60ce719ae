package dev.matching.testkit;

import dev.matching.model.internal.Checks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Runs one task on several threads released at the same instant by a start gate, waits for all
 * of them within a time limit, and turns any thread's exception or a timeout into a test failure.
 * Stateless and thread-safe.
 */
public final class Concurrently {

  /** Time limit of {@link #call(int, Task)} and {@link #run(int, VoidTask)}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Concurrently() {}

  /** One thread's work; {@code thread} is its index, from 0. */
  @FunctionalInterface
  public interface Task<R> {
    /** Does the work of thread {@code thread} and returns its result. */
    R call(int thread) throws Exception;
  }

  /** One thread's work without a result; {@code thread} is its index, from 0. */
  @FunctionalInterface
  public interface VoidTask {
    /** Does the work of thread {@code thread}. */
    void run(int thread) throws Exception;
  }

  /** Runs {@code task} on {@code threads} threads at once; returns the results by thread index. */
  public static <R> List<R> call(int threads, Task<R> task) {
    return call(threads, DEFAULT_TIMEOUT, task);
  }

  /** As {@link #call(int, Task)} without results. */
  public static void run(int threads, VoidTask task) {
    call(threads, DEFAULT_TIMEOUT, thread -> {
      task.run(thread);
      return Boolean.TRUE;
    });
  }

  /**
   * Runs {@code task} on {@code threads} threads, all started together, and waits at most
   * {@code timeout} for all of them.
   *
   * @throws AssertionError when a thread failed (its exception is the cause, the others are
   *     suppressed) or the threads did not finish in time (they are interrupted)
   */
  public static <R> List<R> call(int threads, Duration timeout, Task<R> task) {
    if (threads < 1) {
      throw Checks.fail("threads", "must be at least 1, was " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      long deadline = System.nanoTime() + timeout.toNanos();
      List<Future<R>> futures = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          ready.countDown();
          if (!start.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("start gate never opened");
          }
          return task.call(thread);
        }));
      }
      if (!ready.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
        throw new AssertionError("only " + (threads - ready.getCount()) + " of " + threads + " threads started within "
            + timeout);
      }
      start.countDown();
      return collect(futures, deadline, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the threads", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> List<R> collect(List<Future<R>> futures, long deadline, Duration timeout)
      throws InterruptedException {
    List<R> results = new ArrayList<>(futures.size());
    @Nullable AssertionError failure = null;
    for (int i = 0; i < futures.size(); i++) {
      try {
        results.add(futures.get(i).get(remaining(deadline), TimeUnit.NANOSECONDS));
      } catch (ExecutionException e) {
        failure = addFailure(failure, new AssertionError("thread " + i + " failed: " + e.getCause(), e.getCause()));
      } catch (TimeoutException e) {
        throw withSuppressed(new AssertionError("threads did not finish within " + timeout), failure);
      }
    }
    if (failure != null) {
      throw failure;
    }
    return results;
  }

  private static AssertionError addFailure(@Nullable AssertionError first, AssertionError next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static AssertionError withSuppressed(AssertionError error, @Nullable AssertionError suppressed) {
    if (suppressed != null) {
      error.addSuppressed(suppressed);
    }
    return error;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }
}
