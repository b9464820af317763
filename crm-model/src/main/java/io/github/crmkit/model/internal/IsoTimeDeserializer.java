package io.github.crmkit.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.function.Function;

/**
 * Reads a java.time value from an ISO-8601 string only: the model's JSON contract writes times as strings, and a
 * number (epoch seconds, say) is refused rather than guessed at.
 *
 * <p>Internal: not exported. Thread-safe (immutable).
 *
 * @param <T> the time type
 */
public final class IsoTimeDeserializer<T> extends StdScalarDeserializer<T> {
  private static final long serialVersionUID = 1L;

  private final transient Function<String, T> parse;
  private final String example;

  /**
   * Creates the deserializer.
   *
   * @param type the time type
   * @param parse the ISO parser, for example {@code Instant::parse}
   * @param example an example value for error messages
   */
  public IsoTimeDeserializer(Class<T> type, Function<String, T> parse, String example) {
    super(type);
    this.parse = parse;
    this.example = example;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return (T) ctxt.handleUnexpectedToken(handledType(), p.currentToken(), p,
          "expected an ISO-8601 string such as \"%s\"", example);
    }
    String text = p.getText().trim();
    try {
      return parse.apply(text);
    } catch (DateTimeException e) {
      return (T) ctxt.handleWeirdStringValue(handledType(), text, "expected an ISO-8601 string such as \"%s\"",
          example);
    }
  }
}
