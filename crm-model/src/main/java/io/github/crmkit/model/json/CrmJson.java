package io.github.crmkit.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and writes crmkit model values as JSON, strictly: unknown properties, wrong types (a number for a string,
 * a string for a number), trailing content and values that fail validation are all refused with a
 * {@link CrmJsonException} naming the JSON path, line and column.
 *
 * <p>Written JSON uses ISO-8601 times, money as {@code {"amount": "12.50", "currency": "EUR"}}, identifiers as plain
 * strings, and leaves out absent optional values; map entries are written in key order, so output is deterministic.
 *
 * <p>Thread-safe: one instance can be shared by all threads.
 */
public final class CrmJson {
  private static final CrmJson DEFAULT = new CrmJson(false);
  private static final CrmJson PRETTY = new CrmJson(true);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final ObjectMapper mapper;

  private CrmJson(boolean pretty) {
    JsonMapper.Builder builder = JsonMapper.builder()
        .addModule(new CrmJacksonModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT));
    if (pretty) {
      builder.enable(SerializationFeature.INDENT_OUTPUT);
    }
    JsonMapper m = builder.build();
    for (CoercionInputShape shape : new CoercionInputShape[] {
        CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
      m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    this.mapper = m;
  }

  /**
   * Returns the shared instance that writes compact JSON.
   *
   * @return the instance
   */
  public static CrmJson standard() {
    return DEFAULT;
  }

  /**
   * Returns the shared instance that writes indented JSON.
   *
   * @return the instance
   */
  public static CrmJson pretty() {
    return PRETTY;
  }

  /**
   * Writes a model value (or a list or map of them) as JSON.
   *
   * @param value the value
   * @return the JSON text
   */
  public String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Reads a model value.
   *
   * @param <T> the type
   * @param json the JSON text
   * @param type the model type, for example {@code Customer.class}
   * @return the value
   * @throws CrmJsonException if the JSON is malformed, is {@code null} or does not describe a valid value
   */
  public <T> T read(String json, Class<T> type) {
    return readValue(() -> mapper.readValue(json, type));
  }

  /**
   * Reads a model value from a stream of UTF-8 (or UTF-16/32, detected) bytes. The stream is not closed.
   *
   * @param <T> the type
   * @param json the input
   * @param type the model type
   * @return the value
   * @throws CrmJsonException if the JSON is malformed, is {@code null} or does not describe a valid value
   * @throws UncheckedIOException if reading fails
   */
  public <T> T read(InputStream json, Class<T> type) {
    return readValue(() -> mapper.readValue(json, type));
  }

  /**
   * Reads a model value from a character stream. The reader is not closed.
   *
   * @param <T> the type
   * @param json the input
   * @param type the model type
   * @return the value
   * @throws CrmJsonException if the JSON is malformed, is {@code null} or does not describe a valid value
   * @throws UncheckedIOException if reading fails
   */
  public <T> T read(Reader json, Class<T> type) {
    return readValue(() -> mapper.readValue(json, type));
  }

  /** One Jackson read, with the null check and the error translation every {@code read} shares. */
  @FunctionalInterface
  private interface JacksonRead<T> {
    T read() throws IOException;
  }

  private static <T> T readValue(JacksonRead<T> read) {
    try {
      return notNull(read.read(), "$");
    } catch (JsonProcessingException e) {
      throw translate(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a JSON array of model values.
   *
   * @param <T> the element type
   * @param json the JSON text
   * @param elementType the model type of the elements
   * @return the values, unmodifiable
   * @throws CrmJsonException if the JSON is malformed or {@code null}, or an element is {@code null} or not a valid
   *     value (the path names its index)
   */
  public <T> List<T> readList(String json, Class<T> elementType) {
    JavaType type = mapper.getTypeFactory().constructCollectionType(List.class, elementType);
    try {
      List<T> values = notNull(mapper.readValue(json, type), "$");
      for (int i = 0; i < values.size(); i++) {
        notNull(values.get(i), "$[" + i + "]");
      }
      return List.copyOf(values);
    } catch (JsonProcessingException e) {
      throw translate(e);
    }
  }

  /** A JSON {@code null} where a value is expected (Jackson returns it as null rather than failing). */
  private static <T> T notNull(T value, String path) {
    if (value == null) {
      throw new CrmJsonException(path, -1, -1, "null is not allowed here", null);
    }
    return value;
  }

  static CrmJsonException translate(JsonProcessingException e) {
    String path = "$";
    if (e instanceof JsonMappingException) {
      path = path(((JsonMappingException) e).getPath());
    }
    JsonLocation location = e.getLocation();
    int line = location == null ? -1 : location.getLineNr();
    int column = location == null ? -1 : location.getColumnNr();
    return new CrmJsonException(path, line, column, problem(e), e);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference reference : references) {
      String name = reference.getFieldName();
      if (name != null) {
        if (IDENTIFIER.matcher(name).matches()) {
          out.append('.').append(name);
        } else {
          out.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
        }
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String problem(JsonProcessingException e) {
    if (e instanceof StreamReadException && !(e instanceof MismatchedInputException)) {
      return "malformed JSON";
    }
    // a syntax error inside a nested value arrives wrapped, with its path, in a JsonMappingException
    if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException) {
      return "malformed JSON";
    }
    if (e instanceof UnrecognizedPropertyException) {
      return "unknown property '" + ((UnrecognizedPropertyException) e).getPropertyName() + "'";
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      if (cause instanceof NullPointerException) {
        return "null is not allowed for " + cause.getMessage();
      }
      if (cause != null && cause.getMessage() != null) {
        return cause.getMessage();
      }
      return "invalid value";
    }
    if (e instanceof InvalidFormatException) {
      return "expected " + describe(((InvalidFormatException) e).getTargetType());
    }
    if (e instanceof MismatchedInputException) {
      String message = ((MismatchedInputException) e).getOriginalMessage();
      Class<?> target = ((MismatchedInputException) e).getTargetType();
      if (message != null && (message.startsWith("Money.") || message.startsWith("attribute value")
          || message.startsWith("invalid ") || message.startsWith("expected ") || message.startsWith("an ")
          || message.startsWith("a ") || message.startsWith("unknown attribute"))) {
        return message;
      }
      if (message != null && message.contains("Trailing token")) {
        return "unexpected content after the JSON value";
      }
      if (message != null && message.contains("null")) {
        return "null is not allowed here";
      }
      return target == null ? "unexpected JSON type" : "expected " + describe(target);
    }
    return "invalid value";
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "another JSON type";
    }
    if (type.isEnum()) {
      StringBuilder out = new StringBuilder("one of ");
      Object[] constants = type.getEnumConstants();
      for (int i = 0; i < constants.length; i++) {
        out.append(i == 0 ? "" : ", ").append(constants[i]);
      }
      return out.toString();
    }
    // Immutables deserialises through a nested ImmutableX.Json delegate: name the model type instead
    Class<?> named = type.getSimpleName().equals("Json") && type.getEnclosingClass() != null
        ? type.getEnclosingClass() : type;
    String name = named.getSimpleName();
    if (name.startsWith("Immutable")) {
      name = name.substring("Immutable".length());
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "a valid " + name;
  }
}
