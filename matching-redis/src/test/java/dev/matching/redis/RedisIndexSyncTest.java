package dev.matching.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.MatchingEngine;
import dev.matching.model.Job;
import dev.matching.model.Worker;
import dev.matching.spi.JobStore;
import dev.matching.spi.WorkerStore;
import dev.matching.spi.memory.InMemoryJobStore;
import dev.matching.spi.memory.InMemoryWorkerStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two engines (two "nodes") over one shared store, synced through a real Redis: a write on one
 * reaches the other's index well within a second, with no polling refresh at all.
 */
@Timeout(60)
class RedisIndexSyncTest {
  private final JobStore jobs = new InMemoryJobStore();
  private final WorkerStore workers = new InMemoryWorkerStore();
  private final List<AutoCloseable> open = new ArrayList<>();
  private RedisMatchingConfig config;
  private StatefulRedisConnection<String, String> admin;

  @BeforeEach
  void connect() {
    config = TestRedis.freshConfigBuilder().eventCheckInterval(Duration.ofMillis(200)).build();
    RedisClient client = TestRedis.client(TestRedis.uri(), config);
    admin = client.connect();
    open.add(client::shutdown);
  }

  @AfterEach
  void close() throws Exception {
    TestRedis.deleteKeys(admin, config.keyPrefix());
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private MatchingEngine node() {
    MatchingEngine engine = MatchingEngine.builder().jobStore(jobs).workerStore(workers).build();
    RedisClient client = TestRedis.client(TestRedis.uri(), config);
    StatefulRedisConnection<String, String> connection = client.connect();
    RedisIndexSync sync = RedisIndexSync.start(engine, new RedisChangeEvents(client, connection, config));
    open.add(client::shutdown);
    open.add(sync);
    return engine;
  }

  private static Job job(String id) {
    return Job.builder(id).employerId("acme").location(35.68, 139.76).hourlyPay(1200).build();
  }

  @Test
  void writesOnOneNodeReachTheOthersIndexWithinASecond() {
    MatchingEngine a = node();
    MatchingEngine b = node();

    a.upsertJob(job("job-1"));
    TestRedis.awaitTrue(Duration.ofSeconds(1), "node b indexes job-1", () -> b.job("job-1").isPresent());

    List<Job> bulk = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      bulk.add(job("bulk-" + i));
    }
    b.upsertJobs(bulk);
    b.upsertWorker(Worker.builder("worker-1").home(35.7, 139.7).build());
    TestRedis.awaitTrue(Duration.ofSeconds(1), "node a indexes the bulk write and the worker",
        () -> a.jobIndex().size() == 501 && a.worker("worker-1").isPresent());

    a.removeJob("job-1");
    TestRedis.awaitTrue(Duration.ofSeconds(1), "node b drops job-1", () -> b.job("job-1").isEmpty());
    assertThat(a.indexLag()).isZero();
    assertThat(b.jobIndex().size()).isEqualTo(500);
  }

  @Test
  void aNodeThatWasNotListeningCatchesUpOnTheNextEvent() {
    MatchingEngine a = node();
    MatchingEngine late = MatchingEngine.builder().jobStore(jobs).workerStore(workers).build();
    a.upsertJob(job("before-sync"));
    assertThat(late.job("before-sync")).isEmpty();

    RedisClient client = TestRedis.client(TestRedis.uri(), config);
    open.add(client::shutdown);
    open.add(RedisIndexSync.start(late, new RedisChangeEvents(client, client.connect(), config)));
    a.upsertJob(job("after-sync"));
    TestRedis.awaitTrue(Duration.ofSeconds(1), "the late node has both jobs",
        () -> late.job("before-sync").isPresent() && late.job("after-sync").isPresent());
  }
}
