package dev.matching.spring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * The log events of one logger (and its children) while a test runs, collected by an appender
 * attached to it: no swap of {@code System.out}, so output of other threads or tests cannot mix
 * in, and a line logged after a response was sent can be awaited without sleeping. Thread-safe.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final Logger logger;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    setContext(logger.getLoggerContext());
    start();
    logger.addAppender(this);
  }

  /** Captures {@code loggerName} and its children ({@code ROOT} for everything). */
  static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  @Override
  protected void append(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(event.getFormattedMessage());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
    }
    lines.add(line.toString());
    synchronized (this) {
      notifyAll();
    }
  }

  /** Every line so far, one per event, with the messages of its exception chain. */
  String text() {
    return String.join("\n", lines);
  }

  /** Waits (up to {@code timeout}) until a line contains {@code fragment}; returns the text. */
  String await(String fragment, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (!text().contains(fragment)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
    return text();
  }

  @Override
  public void close() {
    logger.detachAppender(this);
    stop();
  }
}
