package dev.matching.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.model.Job;
import dev.matching.spi.Change;
import dev.matching.spi.JobStore;
import dev.matching.spi.Versioned;
import dev.matching.spi.VersionConflictException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrencyTest extends PostgresTestBase {

  private static final int WRITERS = 4;

  @Test
  void parallelReadModifyWriteLosesNoUpdate() throws Exception {
    JobStore jobs = storage.jobStore();
    jobs.upsert(Fixtures.job("shared").toBuilder().headcount(1).build());
    int incrementsPerWriter = 25;

    List<Integer> conflicts = runConcurrently(WRITERS, writer -> {
      int conflictCount = 0;
      for (int done = 0; done < incrementsPerWriter; ) {
        Versioned<Job> current = jobs.find("shared").orElseThrow();
        Job next = current.value().toBuilder().headcount(current.value().headcount() + 1).build();
        try {
          jobs.upsert(next, current.version());
          done++;
        } catch (VersionConflictException e) {
          conflictCount++;
        }
      }
      return conflictCount;
    });

    Versioned<Job> last = jobs.find("shared").orElseThrow();
    assertThat(last.value().headcount()).isEqualTo(1 + WRITERS * incrementsPerWriter);
    assertThat(last.version()).isEqualTo(1 + WRITERS * incrementsPerWriter);
    assertThat(conflicts.stream().mapToInt(Integer::intValue).sum()).isPositive();
  }

  @Test
  void aTailingReaderMissesNoChangeWhileWritersCommitConcurrently() throws Exception {
    JobStore jobs = storage.jobStore();
    int jobsPerWriter = 150;
    AtomicBoolean writersDone = new AtomicBoolean();
    List<Change> seen = new ArrayList<>();
    ExecutorService readerThread = Executors.newSingleThreadExecutor();
    Future<?> reader = readerThread.submit(() -> {
      long last = 0;
      boolean finalPass = false;
      while (true) {
        boolean done = writersDone.get();
        for (Change c : jobs.changesSince(last, 1_000)) {
          seen.add(c);
          last = c.sequence();
        }
        if (finalPass) {
          return;
        }
        finalPass = done;
      }
    });
    try {
      runConcurrently(WRITERS, writer -> {
        for (int i = 0; i < jobsPerWriter; i++) {
          String id = "w" + writer + "-" + i;
          if (i % 10 == 0) {
            jobs.upsertAll(List.of(Fixtures.job(id), Fixtures.job(id + "-bulk")));
          } else {
            jobs.upsert(Fixtures.job(id));
          }
        }
        return null;
      });
    } finally {
      writersDone.set(true);
      reader.get(60, TimeUnit.SECONDS);
      readerThread.shutdown();
    }

    Set<Long> sequences = new HashSet<>();
    seen.forEach(c -> sequences.add(c.sequence()));
    assertThat(sequences).hasSize(seen.size());
    assertThat(seen).hasSize((int) jobs.count());
    assertThat(jobs.changesSince(0, 10_000)).containsExactlyElementsOf(seen);
  }

  /** Runs {@code task} on {@code threads} threads released at once; returns their results. */
  static <R> List<R> runConcurrently(int threads, IndexedTask<R> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int index = t;
        Callable<R> call = () -> {
          start.await();
          return task.run(index);
        };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        results.add(f.get(90, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** A task told which of the concurrent threads runs it. */
  interface IndexedTask<R> {
    R run(int index) throws Exception;
  }
}
