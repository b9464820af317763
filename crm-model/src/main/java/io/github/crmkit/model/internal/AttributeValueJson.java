package io.github.crmkit.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.crmkit.model.AttributeValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of {@link AttributeValue}: an object with one member named after the type, for example
 * {@code {"decimal": "0.25"}}. Decimals are strings (exact); dates and instants ISO-8601 strings.
 *
 * <p>Internal: not exported. Thread-safe (stateless).
 */
public final class AttributeValueJson {
  private AttributeValueJson() {}

  /** Writes attribute values. */
  public static final class Serializer extends StdSerializer<AttributeValue> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer. */
    public Serializer() {
      super(AttributeValue.class);
    }

    @Override
    public void serialize(AttributeValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeFieldName(value.type().jsonName());
      switch (value.type()) {
        case STRING:
          gen.writeString(value.asString());
          break;
        case LONG:
          gen.writeNumber(value.asLong());
          break;
        case DECIMAL:
          gen.writeString(value.asDecimal().toString());
          break;
        case BOOLEAN:
          gen.writeBoolean(value.asBoolean());
          break;
        case DATE:
          gen.writeString(value.asDate().toString());
          break;
        case INSTANT:
          gen.writeString(value.asInstant().toString());
          break;
        case STRINGS:
          gen.writeStartArray();
          for (String s : value.asStrings()) {
            gen.writeString(s);
          }
          gen.writeEndArray();
          break;
        default:
          throw new IllegalStateException("unknown attribute type " + value.type());
      }
      gen.writeEndObject();
    }
  }

  /** Reads attribute values, strictly. */
  public static final class Deserializer extends StdDeserializer<AttributeValue> {
    private static final long serialVersionUID = 1L;
    private static final String EXPECTED = "expected an attribute value such as {\"string\": \"gold\"}, "
        + "{\"long\": 3}, {\"decimal\": \"0.25\"}, {\"boolean\": true}, {\"date\": \"2024-05-01\"}, "
        + "{\"instant\": \"2024-05-01T08:00:00Z\"} or {\"strings\": [\"a\"]}";

    /** Creates the deserializer. */
    public Deserializer() {
      super(AttributeValue.class);
    }

    @Override
    public AttributeValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken() || p.nextToken() != JsonToken.FIELD_NAME) {
        return (AttributeValue) ctxt.handleUnexpectedToken(AttributeValue.class, p.currentToken(), p, EXPECTED);
      }
      String type = p.currentName();
      JsonToken t = p.nextToken();
      AttributeValue value;
      try {
        value = read(type, t, p, ctxt);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return (AttributeValue) ctxt.reportInputMismatch(this, "invalid %s attribute value: %s", type,
            e instanceof DateTimeParseException ? "not an ISO-8601 " + type : e.getMessage());
      }
      if (p.nextToken() != JsonToken.END_OBJECT) {
        return (AttributeValue) ctxt.reportInputMismatch(this, "an attribute value has exactly one member; %s",
            EXPECTED);
      }
      return value;
    }

    private AttributeValue read(String type, JsonToken t, JsonParser p, DeserializationContext ctxt)
        throws IOException {
      switch (type) {
        case "string":
          requireToken(t, JsonToken.VALUE_STRING, "a string", p, ctxt);
          return AttributeValue.ofString(p.getText());
        case "long":
          requireToken(t, JsonToken.VALUE_NUMBER_INT, "an integer", p, ctxt);
          if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            ctxt.reportInputMismatch(this, "a long attribute value must fit in 64 bits");
          }
          return AttributeValue.ofLong(p.getLongValue());
        case "decimal":
          requireToken(t, JsonToken.VALUE_STRING, "a decimal string such as \"0.25\"", p, ctxt);
          try {
            return AttributeValue.ofDecimal(new BigDecimal(p.getText()));
          } catch (NumberFormatException e) {
            ctxt.reportInputMismatch(this, "a decimal attribute value must be a decimal string such as \"0.25\"");
            return null;
          }
        case "boolean":
          if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            ctxt.reportInputMismatch(this, "a boolean attribute value must be true or false");
          }
          return AttributeValue.ofBoolean(t == JsonToken.VALUE_TRUE);
        case "date":
          requireToken(t, JsonToken.VALUE_STRING, "an ISO-8601 date string", p, ctxt);
          return AttributeValue.ofDate(LocalDate.parse(p.getText()));
        case "instant":
          requireToken(t, JsonToken.VALUE_STRING, "an ISO-8601 instant string", p, ctxt);
          return AttributeValue.ofInstant(Instant.parse(p.getText()));
        case "strings":
          requireToken(t, JsonToken.START_ARRAY, "an array of strings", p, ctxt);
          List<String> values = new ArrayList<>();
          for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            requireToken(e, JsonToken.VALUE_STRING, "an array of strings", p, ctxt);
            values.add(p.getText());
          }
          return AttributeValue.ofStrings(values);
        default:
          ctxt.reportInputMismatch(this, "unknown attribute type '%s'; %s", Checks.printable(type), EXPECTED);
          return null;
      }
    }

    private void requireToken(JsonToken actual, JsonToken expected, String what, JsonParser p,
        DeserializationContext ctxt) throws IOException {
      if (actual != expected) {
        ctxt.reportInputMismatch(this, "attribute value must be %s", what);
      }
    }
  }
}
