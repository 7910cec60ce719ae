package dev.matching.spring.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A JSON request body bound field by field into the record {@code T}, so that every bad field is
 * reported at once instead of the first one Jackson meets.
 *
 * <p>The body is read as a tree, then each record component (by its {@link JsonProperty} name)
 * is bound on its own with the application's JSON mapper and its strict type settings: nested
 * records, lists and string-keyed maps recursively, every other value by Jackson. A value that
 * does not bind is left null and reported under its JSON path ({@code shifts[1].start},
 * {@code skills.レジ}); properties the record does not have are reported when
 * {@code FAIL_ON_UNKNOWN_PROPERTIES} is on. Validation of the values that did bind is the
 * caller's ({@link DomainMapper}).
 *
 * @param value the record with every value that bound (null where a value did not), or null when
 *     the body is not a JSON object
 * @param errors the fields that did not bind, with paths relative to the body
 * @param <T> the record type
 */
@JsonDeserialize(using = JsonBody.Deserializer.class)
public record JsonBody<T extends Record>(@Nullable T value, List<FieldError> errors) {

  /** Copies the errors. */
  public JsonBody {
    errors = List.copyOf(errors);
  }

  /** A body that bound completely. */
  public static <T extends Record> JsonBody<T> of(T value) {
    return new JsonBody<>(value, List.of());
  }

  /** Reads a {@link JsonBody} of the record type it is declared with. */
  static final class Deserializer extends ValueDeserializer<JsonBody<?>> {
    private final @Nullable Class<?> type;

    Deserializer() {
      this(null);
    }

    private Deserializer(@Nullable Class<?> type) {
      this.type = type;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
      JavaType declared = ctxt.getContextualType();
      if (declared == null && property != null) {
        declared = property.getType();
      }
      JavaType content = declared == null ? null : declared.containedType(0);
      if (content == null || !content.getRawClass().isRecord()) {
        return ctxt.reportBadDefinition(declared, "JsonBody needs a record type argument");
      }
      return new Deserializer(content.getRawClass());
    }

    @Override
    public JsonBody<?> deserialize(JsonParser p, DeserializationContext ctxt) {
      if (type == null) {
        return ctxt.reportBadDefinition(JsonBody.class, "JsonBody needs a record type argument");
      }
      JsonNode tree = ctxt.readTree(p);
      Binder binder = new Binder(ctxt);
      Object value = binder.bind(tree, type, "");
      return new JsonBody<>((Record) value, binder.errors);
    }
  }

  /** Binds one tree, collecting the failures. */
  private static final class Binder {
    private final DeserializationContext ctxt;
    private final List<FieldError> errors = new ArrayList<>();

    Binder(DeserializationContext ctxt) {
      this.ctxt = ctxt;
    }

    @Nullable Object bind(@Nullable JsonNode node, Type type, String path) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      Class<?> raw = raw(type);
      if (raw.isRecord()) {
        return bindRecord(node, raw, path);
      }
      if (List.class.isAssignableFrom(raw)) {
        return bindList(node, typeArgument(type, 0), path);
      }
      if (Map.class.isAssignableFrom(raw) && raw(typeArgument(type, 0)) == String.class) {
        return bindMap(node, typeArgument(type, 1), path);
      }
      if (node.isContainer()) {
        // a scalar from an array or object: Jackson would accept [2030,1,5] for a date
        fail(path, JsonErrors.expected(raw));
        return null;
      }
      try {
        return ctxt.readTreeAsValue(node, ctxt.getTypeFactory().constructType(type));
      } catch (JacksonException e) {
        errors.add(JsonErrors.describe(e, raw, path));
        return null;
      }
    }

    private @Nullable Object bindRecord(JsonNode node, Class<?> type, String path) {
      if (!node.isObject()) {
        fail(path, "must be a JSON object");
        return null;
      }
      RecordComponent[] components = type.getRecordComponents();
      Map<String, Integer> byName = new LinkedHashMap<>();
      for (int i = 0; i < components.length; i++) {
        byName.put(jsonName(components[i]), i);
      }
      if (ctxt.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
        for (String name : node.propertyNames()) {
          if (!byName.containsKey(name)) {
            fail(join(path, name), JsonErrors.unknownProperty(byName.keySet()));
          }
        }
      }
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (Map.Entry<String, Integer> e : byName.entrySet()) {
        RecordComponent c = components[e.getValue()];
        types[e.getValue()] = c.getType();
        Object value = bind(node.get(e.getKey()), c.getGenericType(), join(path, e.getKey()));
        values[e.getValue()] = value == null && c.getType().isPrimitive() ? zero(c.getType()) : value;
      }
      try {
        Constructor<?> canonical = type.getDeclaredConstructor(types);
        canonical.trySetAccessible();
        return canonical.newInstance(values);
      } catch (InvocationTargetException e) {
        fail(path, e.getCause() instanceof IllegalArgumentException && e.getCause().getMessage() != null
            ? e.getCause().getMessage() : "is invalid");
        return null;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + type.getName(), e);
      }
    }

    private @Nullable List<@Nullable Object> bindList(JsonNode node, Type element, String path) {
      if (!node.isArray()) {
        fail(path, "must be an array");
        return null;
      }
      List<@Nullable Object> out = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        out.add(bind(node.get(i), element, path + "[" + i + "]"));
      }
      return out;
    }

    private @Nullable Map<String, @Nullable Object> bindMap(JsonNode node, Type value, String path) {
      if (!node.isObject()) {
        fail(path, "must be a JSON object");
        return null;
      }
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), bind(e.getValue(), value, join(path, e.getKey())));
      }
      return out;
    }

    private void fail(String path, String message) {
      errors.add(new FieldError(path.isEmpty() ? "body" : path, message));
    }

    private static String jsonName(RecordComponent c) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      return p == null || p.value().isEmpty() ? c.getName() : p.value();
    }

    private static String join(String path, String name) {
      return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
      if (type instanceof Class<?> c) {
        return c;
      }
      if (type instanceof ParameterizedType p) {
        return (Class<?>) p.getRawType();
      }
      return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
      return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Object zero(Class<?> primitive) {
      if (primitive == boolean.class) {
        return false;
      }
      if (primitive == char.class) {
        return '\0';
      }
      if (primitive == double.class || primitive == float.class) {
        return primitive == double.class ? (Object) 0.0 : (Object) 0.0f;
      }
      return primitive == long.class ? (Object) 0L : primitive == int.class ? (Object) 0
          : primitive == short.class ? (Object) (short) 0 : (Object) (byte) 0;
    }
  }
}
