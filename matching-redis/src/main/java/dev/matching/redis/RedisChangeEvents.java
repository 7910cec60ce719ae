package dev.matching.redis;

import dev.matching.model.internal.Checks;
import dev.matching.spi.StorageException;
import dev.matching.spi.support.DaemonThreads;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Range;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.RedisPubSubListener;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Index change events between nodes: {@link #publish} announces that a job or worker was upserted
 * or deleted, {@link #subscribe} delivers those announcements to a {@link ChangeListener}.
 *
 * <p>Each event gets a sequence number from Redis ({@code INCR}) and is, in one Lua script,
 * appended to a capped Stream ({@code {prefix}:events:stream}, entry id {@code sequence-0}) and
 * published on the channel {@code {prefix}:events}. Guarantees:
 * <ul>
 *   <li>Pub/Sub itself is at-most-once: a subscriber that is disconnected, restarting or too slow
 *       misses messages.</li>
 *   <li>A subscriber notices a miss through the sequence: on a jump (at the next message, after a
 *       reconnect, or at the latest after {@link RedisMatchingConfig#eventCheckInterval()} of
 *       quiet) it reads the missed events from the stream and delivers them in order; if the
 *       stream no longer holds them (trimmed at {@link RedisMatchingConfig#eventStreamMaxLength()})
 *       or Redis lost its data (a new epoch, or the sequence went back), it calls
 *       {@link ChangeListener#onResyncRequired} instead of silently diverging.</li>
 *   <li>Delivery is in sequence order, each event once per subscription, except around a resync,
 *       where an event may also be covered by the reload; applying an event is meant to be
 *       idempotent (refresh that entity from its store).</li>
 *   <li>Events are hints, the stores are the truth: an event whose {@link #publish} failed (it
 *       throws {@link StorageException}) reached nobody, so a caller that wrote the store and
 *       could not publish should let the other nodes resync, or retry the publish.</li>
 * </ul>
 *
 * <p>Thread-safe. Each subscription holds one Pub/Sub connection and one delivery thread.
 */
public final class RedisChangeEvents {

  private static final System.Logger LOG = System.getLogger(RedisChangeEvents.class.getName());
  private static final LuaScript PUBLISH = LuaScript.load("events-publish.lua");
  private static final int INBOX_CAPACITY = 100_000;
  /** Delivery threads, {@code matching-redis-events-N}: one per subscription made in this JVM. */
  private static final ThreadFactory THREADS = DaemonThreads.named("matching-redis-events");

  private final RedisClient client;
  private final RedisCalls redis;
  private final RedisMatchingConfig config;
  private final String epochKey;
  private final String sequenceKey;
  private final String streamKey;
  private final String channel;

  /**
   * Events over {@code connection} (commands) and Pub/Sub connections that {@code client} opens,
   * one per subscription. Owns neither.
   */
  public RedisChangeEvents(RedisClient client, StatefulRedisConnection<String, String> connection,
      RedisMatchingConfig config) {
    this.client = Checks.required(client, "client");
    Checks.required(connection, "connection");
    this.config = Checks.required(config, "config");
    this.redis = new RedisCalls(connection, config.commandTimeout());
    String base = config.keyPrefix() + ":events";
    this.epochKey = base + ":epoch";
    this.sequenceKey = base + ":sequence";
    this.streamKey = base + ":stream";
    this.channel = base;
  }

  /**
   * Publishes {@code event} to every subscriber; returns its event sequence (not the store's).
   *
   * @throws StorageException when Redis did not take it; then no subscriber gets it
   */
  public long publish(ChangeEvent event) {
    Checks.required(event, "event");
    Long sequence = redis.eval("publish of a change event", PUBLISH, ScriptOutputType.INTEGER,
        new String[] {epochKey, sequenceKey, streamKey},
        UUID.randomUUID().toString(), Long.toString(config.eventStreamMaxLength()), channel,
        ChangeEventCodec.encode(event));
    return Objects.requireNonNull(sequence);
  }

  /**
   * Starts delivering events published from now on to {@code listener}, on a new thread.
   *
   * @throws StorageException when Redis cannot be reached
   */
  public ChangeSubscription subscribe(ChangeListener listener) {
    Checks.required(listener, "listener");
    StatefulRedisPubSubConnection<String, String> pubSub;
    try {
      pubSub = client.connectPubSub(StringCodec.UTF8);
    } catch (RedisException e) {
      throw new StorageException("Could not open a Redis Pub/Sub connection: " + e.getMessage(), e);
    }
    try {
      Subscription subscription = new Subscription(listener, pubSub);
      pubSub.addListener((RedisPubSubListener<String, String>) subscription);
      pubSub.addListener((RedisConnectionStateListener) subscription);
      new RedisCalls(pubSub, config.commandTimeout()).await("subscribe", pubSub.async().subscribe(channel));
      subscription.start(readHead());
      return subscription;
    } catch (RuntimeException e) {
      pubSub.closeAsync();
      throw e;
    }
  }

  /** The epoch and last sequence of the event log in Redis. */
  private Head readHead() {
    List<KeyValue<String, String>> values = Objects.requireNonNull(
        redis.call("read of the event sequence", commands -> commands.mget(epochKey, sequenceKey)));
    String epoch = values.get(0).getValueOrElse(null);
    String sequence = values.get(1).getValueOrElse(null);
    return new Head(epoch, sequence == null ? 0 : Long.parseLong(sequence));
  }

  /** Where the event log stands: {@code epoch} is null when there is none. */
  private record Head(@Nullable String epoch, long sequence) {}

  /** What the Pub/Sub side hands to the delivery thread. */
  private sealed interface Signal permits Message, Reconnected {}

  private record Message(String text) implements Signal {}

  private record Reconnected() implements Signal {}

  /**
   * One subscription. Lettuce's I/O thread only enqueues; the delivery thread owns
   * {@code epoch} and {@code lastSequence} and does all Redis reads and listener calls.
   */
  private final class Subscription extends RedisPubSubAdapter<String, String>
      implements ChangeSubscription, RedisConnectionStateListener {

    private final ChangeListener listener;
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final BlockingQueue<Signal> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean headCheckFailing;
    private @Nullable String epoch;
    private long lastSequence;

    Subscription(ChangeListener listener, StatefulRedisPubSubConnection<String, String> pubSub) {
      this.listener = listener;
      this.pubSub = pubSub;
      this.thread = THREADS.newThread(this::deliver);
    }

    void start(Head head) {
      epoch = head.epoch();
      lastSequence = head.sequence();
      thread.start();
    }

    @Override
    public void message(String fromChannel, String text) {
      enqueue(new Message(text));
    }

    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
      enqueue(new Reconnected());
    }

    private void enqueue(Signal signal) {
      if (!inbox.offer(signal)) {
        dropped.incrementAndGet();
      }
    }

    @Override
    public long droppedMessages() {
      return dropped.get();
    }

    @Override
    public void close() {
      if (!running) {
        return;
      }
      running = false;
      thread.interrupt();
      try {
        pubSub.closeAsync().get(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (Thread.currentThread() != thread) {
          thread.join(config.commandTimeout().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(System.Logger.Level.WARNING, "Closing a change-event Pub/Sub connection failed", e);
      }
    }

    /** The delivery thread: messages in order, and a head check when reconnected or idle. */
    private void deliver() {
      long idleMillis = config.eventCheckInterval().toMillis();
      while (running) {
        Signal signal;
        try {
          signal = inbox.poll(idleMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return; // close() interrupts to stop this thread
        }
        if (!running) {
          return;
        }
        if (signal instanceof Message message) {
          onMessage(message.text());
        } else {
          checkHead(signal == null ? "idle check" : "reconnect");
        }
      }
    }

    private void onMessage(String text) {
      String[] parts = text.split(" ", 3);
      long sequence;
      try {
        sequence = Long.parseLong(parts[1]);
      } catch (RuntimeException e) {
        resync("unreadable message on " + channel + ": " + text);
        return;
      }
      if (!parts[0].equals(epoch)) {
        if (epoch != null) {
          resync("the event log in Redis was restarted (new epoch); Redis lost its data or was flushed");
          epoch = parts[0];
          lastSequence = sequence;
          apply(sequence, parts[2]);
          return;
        }
        epoch = parts[0];
        lastSequence = 0;
      }
      if (sequence <= lastSequence) {
        return; // already delivered from the stream
      }
      catchUp(sequence - 1);
      apply(sequence, parts[2]);
    }

    private void checkHead(String occasion) {
      Head head;
      try {
        head = readHead();
      } catch (StorageException e) {
        LOG.log(headCheckFailing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
            "Could not compare the change-event sequence with Redis at " + occasion + "; retrying", e);
        headCheckFailing = true;
        return;
      }
      headCheckFailing = false;
      if (head.epoch() == null) {
        if (epoch != null) {
          resync("the event log is gone from Redis (restarted without its data, or flushed)");
          epoch = null;
          lastSequence = 0;
        }
        return;
      }
      if (!head.epoch().equals(epoch)) {
        if (epoch != null) {
          resync("the event log in Redis was restarted (new epoch); Redis lost its data or was flushed");
          epoch = head.epoch();
          lastSequence = head.sequence();
          return;
        }
        epoch = head.epoch();
        lastSequence = 0;
      }
      if (head.sequence() < lastSequence) {
        resync("the event sequence in Redis went back from " + lastSequence + " to " + head.sequence()
            + " (Redis restored older data)");
        lastSequence = head.sequence();
        return;
      }
      catchUp(head.sequence());
    }

    /** Delivers the events after {@code lastSequence} up to {@code upTo} from the stream, or resyncs. */
    private void catchUp(long upTo) {
      if (upTo <= lastSequence) {
        return;
      }
      long from = lastSequence + 1;
      List<StreamMessage<String, String>> missed;
      try {
        missed = Objects.requireNonNull(redis.call("read of missed change events",
            commands -> commands.xrange(streamKey, Range.create(from + "-0", upTo + "-0"))));
      } catch (StorageException e) {
        resync("missed events " + from + ".." + upTo + " and could not read them from the stream: " + e.getMessage());
        lastSequence = upTo;
        return;
      }
      if (!isComplete(missed, from, upTo)) {
        resync("missed events " + from + ".." + upTo + " and the stream no longer holds them all (it keeps about "
            + config.eventStreamMaxLength() + ")");
        lastSequence = upTo;
        return;
      }
      long sequence = from;
      for (StreamMessage<String, String> entry : missed) {
        apply(sequence++, entry.getBody().get("body"));
      }
    }

    private boolean isComplete(List<StreamMessage<String, String>> entries, long from, long upTo) {
      if (entries.size() != upTo - from + 1) {
        return false;
      }
      long expected = from;
      for (StreamMessage<String, String> entry : entries) {
        if (!entry.getId().equals(expected + "-0") || !Objects.equals(epoch, entry.getBody().get("epoch"))) {
          return false;
        }
        expected++;
      }
      return true;
    }

    private void apply(long sequence, @Nullable String body) {
      lastSequence = sequence;
      ChangeEvent event;
      try {
        event = ChangeEventCodec.decode(Objects.requireNonNull(body, "event body"));
      } catch (RuntimeException e) {
        resync("event " + sequence + " is unreadable: " + e.getMessage());
        return;
      }
      try {
        listener.onChange(event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Change listener failed on " + event + "; asking it to resync", e);
        resync("the listener failed on event " + sequence + ": " + e);
      }
    }

    private void resync(String reason) {
      try {
        listener.onResyncRequired(reason);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "Change listener failed in onResyncRequired(" + reason + ")", e);
      }
    }
  }
}
