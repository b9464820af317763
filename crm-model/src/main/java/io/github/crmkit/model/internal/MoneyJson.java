package io.github.crmkit.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.crmkit.model.Money;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * JSON form of {@link Money}: {@code {"amount": "12.50", "currency": "EUR"}}, the amount a decimal string so that no
 * precision is lost in JSON numbers.
 *
 * <p>Internal: not exported. Thread-safe (stateless).
 */
public final class MoneyJson {
  private MoneyJson() {}

  /** Writes money. */
  public static final class Serializer extends StdSerializer<Money> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer. */
    public Serializer() {
      super(Money.class);
    }

    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("amount", value.amount().toPlainString());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  /** Reads money, strictly: both members, as strings, nothing else. */
  public static final class Deserializer extends StdDeserializer<Money> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public Deserializer() {
      super(Money.class);
    }

    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartObjectToken()) {
        return (Money) ctxt.handleUnexpectedToken(Money.class, p.currentToken(), p,
            "expected a money object such as {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
      }
      String amount = null;
      String currency = null;
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        p.nextToken();
        if ("amount".equals(name)) {
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Money) ctxt.handleUnexpectedToken(BigDecimal.class, p.currentToken(), p,
                "Money.amount must be a decimal string such as \"12.50\"");
          }
          amount = p.getText();
        } else if ("currency".equals(name)) {
          if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Money) ctxt.handleUnexpectedToken(String.class, p.currentToken(), p,
                "Money.currency must be a string ISO 4217 code such as \"EUR\"");
          }
          currency = p.getText();
        } else {
          ctxt.handleUnknownProperty(p, this, Money.class, name);
          p.skipChildren();
        }
      }
      if (amount == null) {
        return (Money) ctxt.reportInputMismatch(this, "Money.amount is required");
      }
      if (currency == null) {
        return (Money) ctxt.reportInputMismatch(this, "Money.currency is required");
      }
      try {
        return Money.of(amount, currency);
      } catch (IllegalArgumentException e) {
        return (Money) ctxt.reportInputMismatch(this, "%s", e.getMessage());
      }
    }
  }
}
