package dev.matching.examples.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The sample market loaded at startup ({@code sample.*}); off when both sizes are 0. */
@ConfigurationProperties(prefix = "sample")
public class SampleDataProperties {
  /** Jobs to generate when the job store is empty. */
  private int jobs = 100_000;
  /** Workers to generate when the worker store is empty. */
  private int workers = 50_000;
  /** Seed of the generator. */
  private long seed = 42;

  public int getJobs() {
    return jobs;
  }

  public void setJobs(int jobs) {
    this.jobs = jobs;
  }

  public int getWorkers() {
    return workers;
  }

  public void setWorkers(int workers) {
    this.workers = workers;
  }

  public long getSeed() {
    return seed;
  }

  public void setSeed(long seed) {
    this.seed = seed;
  }
}
