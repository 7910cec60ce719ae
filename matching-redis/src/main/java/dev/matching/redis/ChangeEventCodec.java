package dev.matching.redis;

import dev.matching.model.EntityKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.matching.spi.Change;
import dev.matching.spi.StorageException;

/**
 * The JSON body of a change event, format version 1:
 * {@code {"v":1,"kind":"JOB","id":"j-1","type":"UPSERT","storeSequence":42}}. Unknown members are
 * ignored, an unknown version is rejected. Stateless and thread-safe.
 */
final class ChangeEventCodec {

  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The wire form; field order is the JSON member order. */
  private record Body(int v, EntityKind kind, String id, Change.Type type, long storeSequence) {}

  private ChangeEventCodec() {}

  static String encode(ChangeEvent event) {
    try {
      return MAPPER.writeValueAsString(new Body(FORMAT_VERSION, event.kind(), event.id(), event.type(), event.storeSequence()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A change event must always serialize", e);
    }
  }

  /** @throws StorageException when {@code json} is not a change event this reader knows */
  static ChangeEvent decode(String json) {
    Body body;
    try {
      body = MAPPER.readValue(json, Body.class);
    } catch (JsonProcessingException e) {
      throw new StorageException("Change event is not readable: " + json, e);
    }
    if (body.v() != FORMAT_VERSION) {
      throw new StorageException("Change event has format version " + body.v() + ", this reader knows only "
          + FORMAT_VERSION + ": " + json);
    }
    try {
      return new ChangeEvent(body.kind(), body.id(), body.type(), body.storeSequence());
    } catch (IllegalArgumentException e) {
      throw new StorageException("Change event is not valid: " + json, e);
    }
  }
}
