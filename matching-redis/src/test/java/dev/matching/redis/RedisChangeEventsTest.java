package dev.matching.redis;

import dev.matching.model.EntityKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.matching.spi.Change;
import io.lettuce.core.RedisClient;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events between two clients, and how a subscriber notices what Pub/Sub did not bring. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisChangeEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private RedisMatchingConfig config;
  private RedisClient publisherClient;
  private RedisClient subscriberClient;
  private StatefulRedisConnection<String, String> publisherConnection;
  private StatefulRedisConnection<String, String> subscriberConnection;
  private RedisChangeEvents publisher;
  private RedisChangeEvents subscriber;
  private RedisCommands<String, String> raw;
  private final List<ChangeSubscription> subscriptions = new ArrayList<>();

  @BeforeEach
  void connect() {
    config = TestRedis.freshConfigBuilder().eventCheckInterval(Duration.ofMillis(200)).eventStreamMaxLength(1000).build();
    publisherClient = TestRedis.client(TestRedis.uri(), config);
    subscriberClient = TestRedis.client(TestRedis.uri(), config);
    publisherConnection = publisherClient.connect(StringCodec.UTF8);
    subscriberConnection = subscriberClient.connect(StringCodec.UTF8);
    publisher = new RedisChangeEvents(publisherClient, publisherConnection, config);
    subscriber = new RedisChangeEvents(subscriberClient, subscriberConnection, config);
    raw = publisherConnection.sync();
  }

  @AfterEach
  void disconnect() {
    subscriptions.forEach(ChangeSubscription::close);
    TestRedis.deleteKeys(publisherConnection, config.keyPrefix());
    publisherConnection.close();
    subscriberConnection.close();
    publisherClient.shutdown();
    subscriberClient.shutdown();
  }

  @Test
  void anotherClientGetsEveryEventInOrder() {
    RecordingListener listener = new RecordingListener();
    ChangeSubscription subscription = subscribe(listener);
    List<ChangeEvent> published = IntStream.rangeClosed(1, 200)
        .mapToObj(i -> new ChangeEvent(i % 2 == 0 ? EntityKind.JOB : EntityKind.WORKER, "id-" + i,
            i % 7 == 0 ? Change.Type.DELETE : Change.Type.UPSERT, 1000 + i))
        .toList();
    List<Long> sequences = published.stream().map(publisher::publish).toList();

    assertThat(listener.take(published.size(), WAIT)).isEqualTo(published);
    assertThat(sequences).isSorted().doesNotHaveDuplicates();
    assertThat(subscription.droppedMessages()).isZero();
  }

  @Test
  void eventsPublishedBeforeSubscribingAreNotDelivered() {
    publisher.publish(event("before"));
    RecordingListener listener = new RecordingListener();
    subscribe(listener);
    publisher.publish(event("after"));

    assertThat(listener.take(1, WAIT)).containsExactly(event("after"));
  }

  @Test
  void aMissedMessageIsReplayedFromTheStreamAtTheNextOne() {
    RecordingListener listener = new RecordingListener();
    subscribe(listener);
    publisher.publish(event("first"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("first"));

    appendWithoutPublishing(event("missed"));
    publisher.publish(event("third"));

    assertThat(listener.take(2, WAIT)).containsExactly(event("missed"), event("third"));
  }

  @Test
  void aMissedMessageIsNoticedWhenNothingFollowsIt() {
    RecordingListener listener = new RecordingListener();
    subscribe(listener);
    publisher.publish(event("first"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("first"));

    appendWithoutPublishing(event("missed"));

    assertThat(listener.take(1, WAIT)).as("found by the idle check").containsExactly(event("missed"));
  }

  @Test
  void aGapTheStreamCannotFillAsksForAResync() {
    RecordingListener listener = new RecordingListener();
    subscribe(listener);
    publisher.publish(event("first"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("first"));

    raw.incr(config.keyPrefix() + ":events:sequence"); // numbered, then trimmed away
    publisher.publish(event("third"));

    List<Object> next = listener.take(2, WAIT);
    assertThat(next.get(0)).isInstanceOfSatisfying(RecordingListener.Resync.class,
        resync -> assertThat(resync.reason()).contains("no longer holds"));
    assertThat(next.get(1)).isEqualTo(event("third"));
  }

  @Test
  void aLostEventLogAsksForAResync() {
    RecordingListener listener = new RecordingListener();
    subscribe(listener);
    publisher.publish(event("first"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("first"));

    TestRedis.deleteKeys(publisherConnection, config.keyPrefix()); // as if Redis restarted empty

    List<Object> next = listener.take(1, WAIT);
    assertThat(next.get(0)).as("found by the idle check").isInstanceOfSatisfying(RecordingListener.Resync.class,
        resync -> assertThat(resync.reason()).contains("gone"));
    publisher.publish(event("after restart"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("after restart"));
  }

  @Test
  void aListenerThatThrowsIsAskedToResync() {
    RecordingListener recording = new RecordingListener();
    ChangeListener failingOnce = new ChangeListener() {
      @Override
      public void onChange(ChangeEvent event) {
        if (event.id().equals("poison")) {
          throw new IllegalStateException("index full");
        }
        recording.onChange(event);
      }

      @Override
      public void onResyncRequired(String reason) {
        recording.onResyncRequired(reason);
      }
    };
    subscribe(failingOnce);
    publisher.publish(event("poison"));
    publisher.publish(event("next"));

    List<Object> next = recording.take(2, WAIT);
    assertThat(next.get(0)).isInstanceOfSatisfying(RecordingListener.Resync.class,
        resync -> assertThat(resync.reason()).contains("listener failed").contains("index full"));
    assertThat(next.get(1)).isEqualTo(event("next"));
  }

  @Test
  void nothingArrivesAfterClose() {
    RecordingListener listener = new RecordingListener();
    ChangeSubscription subscription = subscriber.subscribe(listener);
    publisher.publish(event("first"));
    assertThat(listener.take(1, WAIT)).containsExactly(event("first"));

    subscription.close();
    subscription.close();
    publisher.publish(event("second"));
    publisher.publish(event("third"));
    assertThat(raw.pubsubNumsub(config.keyPrefix() + ":events")).containsEntry(config.keyPrefix() + ":events", 0L);

    assertThat(listener.pending()).isEmpty();
  }

  /** Subscribes the subscriber node; closed after the test. */
  private ChangeSubscription subscribe(ChangeListener listener) {
    ChangeSubscription subscription = subscriber.subscribe(listener);
    subscriptions.add(subscription);
    return subscription;
  }

  private static ChangeEvent event(String id) {
    return new ChangeEvent(EntityKind.WORKER, id, Change.Type.UPSERT, 42);
  }

  /** What the publish script does, minus the PUBLISH: a message every subscriber missed. */
  private void appendWithoutPublishing(ChangeEvent event) {
    String base = config.keyPrefix() + ":events";
    String epoch = raw.get(base + ":epoch");
    long sequence = raw.incr(base + ":sequence");
    raw.xadd(base + ":stream", new XAddArgs().id(sequence + "-0"), Map.of("epoch", epoch, "body", ChangeEventCodec.encode(event)));
  }
}
