package dev.matching.examples.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The reference matching service: the starter's REST API, batch, health and metrics. By default
 * everything is in memory and a sample market is generated at startup; the {@code postgres}
 * profile stores everything in PostgreSQL (and batch results in Redis when configured).
 */
@SpringBootApplication
@EnableConfigurationProperties(SampleDataProperties.class)
public class ReferenceApp {
  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ReferenceApp.class, args);
  }
}
