package dev.matching.examples.app;

import dev.matching.spring.autoconfigure.MatchingLifecycleAutoConfiguration;
import dev.matching.spring.properties.MatchingSecurityProperties;
import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reference matching service: the starter's REST API, batch, health and metrics. By default
 * everything is in memory and a sample market is generated at startup; the {@code postgres}
 * profile stores everything in PostgreSQL (and batch results in Redis when configured).
 *
 * <p>With {@code --matching.task=integrity-check} it runs the data integrity check against the
 * configured stores instead of serving: no web server, no batch, no retention schedule, no
 * sample data; the JSON report goes to standard output (log lines below ERROR are silenced so
 * that it stays parseable) and the process exits with 0 when clean, 1 when something was found,
 * 2 when the check could not run.
 */
@SpringBootApplication
// MatchingSecurityProperties for ReadyNotice: the starter binds them only in a servlet web application
// (MatchingSecurityAutoConfiguration), and a command-line task runs without one.
@EnableConfigurationProperties({SampleDataProperties.class, MatchingSecurityProperties.class})
public class ReferenceApp {
  /** Starts the service, or runs a command-line task and exits with its code. */
  public static void main(String[] args) {
    if (isTask(args)) {
      int code;
      try {
        code = SpringApplication.exit(startTask(args));
      } catch (RuntimeException e) {
        code = 2;
      }
      System.exit(code);
    }
    SpringApplication.run(ReferenceApp.class, args);
  }

  /** Whether the arguments name a command-line task ({@code --matching.task=...}). */
  static boolean isTask(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--matching.task=") && arg.length() > "--matching.task=".length()) {
        return true;
      }
    }
    return false;
  }

  /** Runs the task named in {@code args} in a context without web server, batch or schedule; returns the context. */
  static ConfigurableApplicationContext startTask(String... args) {
    return startTask(null, args);
  }

  /**
   * Runs the task named in {@code args}, printing its report to {@code out} (standard output
   * when null) instead of standard output; returns the context.
   */
  static ConfigurableApplicationContext startTask(@Nullable PrintStream out, String... args) {
    SpringApplication app = new SpringApplication(ReferenceApp.class);
    if (out != null) {
      app.addInitializers(context -> context.getBeanFactory()
          .registerSingleton(MatchingLifecycleAutoConfiguration.TASK_OUTPUT, out));
    }
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
        "logging.threshold.console", "ERROR", "logging.level.root", "ERROR"));
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--matching.batch.enabled=false";
    all[args.length + 1] = "--matching.retention.enabled=false";
    return app.run(all);
  }
}
