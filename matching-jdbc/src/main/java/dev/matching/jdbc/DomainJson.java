package dev.matching.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.matching.model.Availability;
import dev.matching.model.DateOverride;
import dev.matching.model.GeoPoint;
import dev.matching.model.Job;
import dev.matching.model.Pay;
import dev.matching.model.PayPreference;
import dev.matching.model.PreferredSkill;
import dev.matching.model.RequiredSkill;
import dev.matching.model.Shift;
import dev.matching.model.TimeRange;
import dev.matching.model.WeeklyWindow;
import dev.matching.model.Worker;
import dev.matching.query.Match;
import dev.matching.scoring.FactorScores;
import dev.matching.spi.StorageException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written JSON form of the domain objects stored as JSONB. Thread-safe.
 *
 * <p>Every entity document carries {@code "schema_version"}: {@value #SCHEMA_VERSION} is what this
 * version writes; a reader accepts every version up to its own and fails with a
 * {@link StorageException} on a newer one (a row written by a newer release). Field names are
 * snake_case and never reuse a removed name, so a later version can read old rows by defaulting
 * fields they lack. Shift instants are epoch seconds (shifts are whole seconds by contract);
 * doubles are written in shortest round-trip form, so a document reads back to an equal object.
 */
final class DomainJson {

  /** The document version this code writes. */
  static final int SCHEMA_VERSION = 1;

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private DomainJson() {}

  // ---- jobs

  static String job(Job job) {
    return write(g -> {
      g.writeStartObject();
      g.writeNumberField("schema_version", SCHEMA_VERSION);
      g.writeStringField("id", job.id());
      g.writeStringField("employer_id", job.employerId());
      g.writeStringField("title", job.title());
      writePoint(g, "location", job.location());
      g.writeArrayFieldStart("required_skills");
      for (RequiredSkill r : job.requiredSkills()) {
        g.writeStartObject();
        g.writeStringField("skill", r.skill());
        g.writeNumberField("min_level", r.minLevel());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("preferred_skills");
      for (PreferredSkill p : job.preferredSkills()) {
        g.writeStartObject();
        g.writeStringField("skill", p.skill());
        g.writeNumberField("level", p.level());
        g.writeNumberField("weight", p.weight());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("shifts");
      for (Shift s : job.shifts()) {
        g.writeStartObject();
        g.writeNumberField("start", s.start().getEpochSecond());
        g.writeNumberField("end", s.end().getEpochSecond());
        g.writeStringField("zone", s.zone().getId());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("pay");
      g.writeNumberField("min_yen", job.pay().minYen());
      g.writeNumberField("max_yen", job.pay().maxYen());
      g.writeEndObject();
      g.writeNumberField("headcount", job.headcount());
      g.writeBooleanField("open", job.open());
      g.writeEndObject();
    });
  }

  static Job job(String json) {
    JsonNode n = readDocument(json);
    Job.Builder b = Job.builder(text(n, "id"))
        .employerId(text(n, "employer_id"))
        .title(text(n, "title"))
        .location(point(n.get("location")))
        .pay(Pay.range(integer(n.path("pay"), "min_yen"), integer(n.path("pay"), "max_yen")))
        .headcount(integer(n, "headcount"))
        .open(bool(n, "open"));
    List<RequiredSkill> required = new ArrayList<>();
    for (JsonNode r : array(n, "required_skills")) {
      required.add(RequiredSkill.of(text(r, "skill"), integer(r, "min_level")));
    }
    List<PreferredSkill> preferred = new ArrayList<>();
    for (JsonNode p : array(n, "preferred_skills")) {
      preferred.add(PreferredSkill.of(text(p, "skill"), integer(p, "level"), number(p, "weight")));
    }
    List<Shift> shifts = new ArrayList<>();
    for (JsonNode s : array(n, "shifts")) {
      shifts.add(new Shift(Instant.ofEpochSecond(integer64(s, "start")), Instant.ofEpochSecond(integer64(s, "end")),
          ZoneId.of(text(s, "zone"))));
    }
    return b.requiredSkills(required).preferredSkills(preferred).shifts(shifts).build();
  }

  // ---- workers

  static String worker(Worker worker) {
    return write(g -> {
      g.writeStartObject();
      g.writeNumberField("schema_version", SCHEMA_VERSION);
      g.writeStringField("id", worker.id());
      writePoint(g, "home", worker.home());
      g.writeNumberField("max_travel_km", worker.maxTravelKm());
      g.writeObjectFieldStart("skills");
      for (Map.Entry<String, Integer> e : worker.skills().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      Availability availability = worker.availability();
      if (availability != null) {
        g.writeObjectFieldStart("availability");
        g.writeStringField("zone", availability.zone().getId());
        g.writeArrayFieldStart("weekly");
        for (WeeklyWindow w : availability.weekly()) {
          g.writeStartObject();
          g.writeStringField("day", w.day().name());
          writeRangeFields(g, w.time());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("overrides");
        for (DateOverride o : availability.overrides()) {
          g.writeStartObject();
          g.writeStringField("date", o.date().toString());
          g.writeArrayFieldStart("windows");
          for (TimeRange r : o.windows()) {
            g.writeStartObject();
            writeRangeFields(g, r);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      PayPreference desiredPay = worker.desiredPay();
      if (desiredPay != null) {
        g.writeObjectFieldStart("desired_pay");
        g.writeNumberField("min_hourly_yen", desiredPay.minHourlyYen());
        g.writeBooleanField("hard", desiredPay.hard());
        g.writeEndObject();
      }
      Integer hours = worker.desiredHoursPerWeek();
      if (hours != null) {
        g.writeNumberField("desired_hours_per_week", hours);
      }
      g.writeBooleanField("active", worker.active());
      g.writeEndObject();
    });
  }

  static Worker worker(String json) {
    JsonNode n = readDocument(json);
    Worker.Builder b = Worker.builder(text(n, "id"))
        .home(point(n.get("home")))
        .maxTravelKm(number(n, "max_travel_km"))
        .active(bool(n, "active"));
    Map<String, Integer> skills = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.path("skills").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      skills.put(e.getKey(), e.getValue().intValue());
    }
    b.skills(skills);
    JsonNode availability = n.get("availability");
    if (availability != null && !availability.isNull()) {
      List<WeeklyWindow> weekly = new ArrayList<>();
      for (JsonNode w : array(availability, "weekly")) {
        weekly.add(new WeeklyWindow(DayOfWeek.valueOf(text(w, "day")), range(w)));
      }
      List<DateOverride> overrides = new ArrayList<>();
      for (JsonNode o : array(availability, "overrides")) {
        List<TimeRange> windows = new ArrayList<>();
        for (JsonNode r : array(o, "windows")) {
          windows.add(range(r));
        }
        overrides.add(new DateOverride(LocalDate.parse(text(o, "date")), windows));
      }
      b.availability(new Availability(ZoneId.of(text(availability, "zone")), weekly, overrides));
    }
    JsonNode desiredPay = n.get("desired_pay");
    if (desiredPay != null && !desiredPay.isNull()) {
      b.desiredPay(new PayPreference(integer(desiredPay, "min_hourly_yen"), bool(desiredPay, "hard")));
    }
    JsonNode hours = n.get("desired_hours_per_week");
    if (hours != null && !hours.isNull()) {
      b.desiredHoursPerWeek(hours.intValue());
    }
    return b.build();
  }

  // ---- match lists and batch parameters

  static String matches(List<Match> matches) {
    return write(g -> {
      g.writeStartArray();
      for (Match m : matches) {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeNumberField("score", m.score());
        g.writeNumberField("distance", m.factors().distance());
        g.writeNumberField("skills", m.factors().skills());
        g.writeNumberField("schedule", m.factors().schedule());
        g.writeNumberField("pay", m.factors().pay());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  static List<Match> matches(String json) {
    List<Match> matches = new ArrayList<>();
    for (JsonNode m : read(json)) {
      matches.add(new Match(text(m, "id"), number(m, "score"),
          new FactorScores(number(m, "distance"), number(m, "skills"), number(m, "schedule"), number(m, "pay"))));
    }
    return matches;
  }

  static String stringMap(Map<String, String> map) {
    return write(g -> {
      g.writeStartObject();
      for (Map.Entry<String, String> e : map.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    });
  }

  static Map<String, String> stringMap(String json) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = read(json).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  // ---- helpers

  private interface Writer {
    void writeTo(JsonGenerator generator) throws IOException;
  }

  private static String write(Writer writer) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string", e);
    }
    return out.toString();
  }

  private static void writePoint(JsonGenerator g, String field, @Nullable GeoPoint point) throws IOException {
    if (point != null) {
      g.writeObjectFieldStart(field);
      g.writeNumberField("lat", point.latitude());
      g.writeNumberField("lng", point.longitude());
      g.writeEndObject();
    }
  }

  private static void writeRangeFields(JsonGenerator g, TimeRange range) throws IOException {
    g.writeStringField("start", range.start().toString());
    g.writeStringField("end", range.end().toString());
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new StorageException("stored JSON is unreadable", e);
    }
  }

  private static JsonNode readDocument(String json) {
    JsonNode n = read(json);
    int version = integer(n, "schema_version");
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new StorageException("stored document has schema_version " + version + ", this release reads 1 to "
          + SCHEMA_VERSION + "; was it written by a newer release?");
    }
    return n;
  }

  private static @Nullable GeoPoint point(@Nullable JsonNode n) {
    return n == null || n.isNull() ? null : GeoPoint.of(number(n, "lat"), number(n, "lng"));
  }

  private static TimeRange range(JsonNode n) {
    return new TimeRange(LocalTime.parse(text(n, "start")), LocalTime.parse(text(n, "end")));
  }

  private static JsonNode field(JsonNode n, String name) {
    JsonNode value = n.get(name);
    if (value == null || value.isNull()) {
      throw new StorageException("stored document lacks \"" + name + "\"");
    }
    return value;
  }

  private static String text(JsonNode n, String name) {
    return field(n, name).asText();
  }

  private static int integer(JsonNode n, String name) {
    return field(n, name).intValue();
  }

  private static long integer64(JsonNode n, String name) {
    return field(n, name).longValue();
  }

  private static double number(JsonNode n, String name) {
    return field(n, name).doubleValue();
  }

  private static boolean bool(JsonNode n, String name) {
    return field(n, name).booleanValue();
  }

  private static Iterable<JsonNode> array(JsonNode n, String name) {
    JsonNode value = n.get(name);
    return value == null || value.isNull() ? List.of() : value;
  }
}
