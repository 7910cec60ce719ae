package dev.matching.spring.ops;

import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command-line task {@code matching.task=integrity-check}: runs the integrity check once at
 * startup, prints the JSON report to standard output, and exits with 0 when clean, 1 when
 * something was found (through {@link ExitCodeGenerator}: the launcher calls
 * {@code SpringApplication.exit}). Not thread-safe (runs once).
 */
public class IntegrityCheckTask implements ApplicationRunner, ExitCodeGenerator {
  /** Value of {@code matching.task} that selects this task. */
  public static final String NAME = "integrity-check";

  private final DataLifecycle lifecycle;
  private final PrintStream out;
  private int exitCode = 2;

  /** Prints to {@code out}. */
  public IntegrityCheckTask(DataLifecycle lifecycle, PrintStream out) {
    this.lifecycle = lifecycle;
    this.out = out;
  }

  @Override
  public void run(ApplicationArguments args) {
    DataLifecycle.IntegrityJson report = DataLifecycle.IntegrityJson.of(lifecycle.checkIntegrity());
    out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    out.flush();
    exitCode = report.clean() ? 0 : 1;
  }

  /** 0 clean, 1 findings, 2 when the check did not run (it failed). */
  @Override
  public int getExitCode() {
    return exitCode;
  }
}
