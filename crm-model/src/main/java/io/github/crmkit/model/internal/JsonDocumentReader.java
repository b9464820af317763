package io.github.crmkit.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shared machinery of the engine modules' hand-written JSON document readers: a Jackson streaming parser that
 * knows the line and column of every token, a JSON path for each value read, and problems reported (path, line,
 * column, what) through a {@link ProblemSink} that maps them to the module's own problem type. Reading goes on after
 * a problem, so that one pass finds them all, except after malformed JSON, where it stops and reports
 * {@code malformed JSON} at the path of the value being read.
 *
 * <p>Typical use: {@code JsonDocumentReader.read(json, sink, r -> { if (r.startDocument()) { r.properties("$",
 * "property", (name, path, at) -> ...); } r.endDocument(); })}. The scalar readers report a value of the wrong type
 * as {@code expected <what>, found <a string|an integer|...>} and skip it.
 *
 * <p>Internal: exported only to crmkit's engine modules, not part of the API. Not thread-safe: one instance serves
 * one call of {@link #read}; the static methods are stateless and thread-safe.
 */
public final class JsonDocumentReader {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Receives each problem found: where it is and what it is. */
  @FunctionalInterface
  public interface ProblemSink {
    /**
     * Records one problem.
     *
     * @param path the JSON path of the value, such as {@code $.segments[0].name}
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param what the problem, such as {@code expected a string, found an integer}
     */
    void problem(String path, int line, int column, String what);
  }

  /** Reads a whole document from a reader whose parser stands before the first token. */
  @FunctionalInterface
  public interface Body {
    /**
     * Reads the document.
     *
     * @param reader the reader
     * @throws IOException on malformed JSON (reported by {@link #read})
     */
    void read(JsonDocumentReader reader) throws IOException;
  }

  /** Reads the value of one property; the parser stands on the value's first token. */
  @FunctionalInterface
  public interface PropertyReader {
    /**
     * Reads one property's value, consuming all of it (use {@link #skipUnknown} for a property it does not know).
     *
     * @param name the property name
     * @param path the JSON path of the value
     * @param at the location of the property name
     * @throws IOException on malformed JSON
     */
    void read(String name, String path, JsonLocation at) throws IOException;
  }

  private final JsonParser parser;
  private final ProblemSink sink;
  private int problems;
  private String where = "$";

  private JsonDocumentReader(JsonParser parser, ProblemSink sink) {
    this.parser = parser;
    this.sink = sink;
  }

  /**
   * Parses {@code json} with {@code body}, reporting malformed JSON through {@code sink} at the path of the value
   * being read when the parser failed (see {@link #where(String)}).
   *
   * @param json the document
   * @param sink receives the problems
   * @param body reads the document
   */
  public static void read(String json, ProblemSink sink, Body body) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(body, "body");
    JsonDocumentReader reader = null;
    try (JsonParser parser = FACTORY.createParser(json)) {
      reader = new JsonDocumentReader(parser, sink);
      body.read(reader);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      sink.problem(reader == null ? "$" : reader.where, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "malformed JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
  }

  /**
   * The path of a property of {@code parent}: {@code parent.name} for an identifier, {@code parent['name']} (with
   * {@code \} and {@code '} escaped) otherwise.
   *
   * @param parent the parent's path
   * @param name the property name
   * @return the property's path
   */
  public static String child(String parent, String name) {
    if (IDENTIFIER.matcher(name).matches()) {
      return parent + "." + name;
    }
    return parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /**
   * Names a token's kind for a message: {@code an object}, {@code an array}, {@code a string}, {@code an integer},
   * {@code a decimal number}, {@code a boolean}, {@code null}, or {@code another token}.
   *
   * @param token the token
   * @return its description
   */
  public static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "another token";
    };
  }

  /**
   * Names a tree node's kind for a message, like {@link #describe(JsonToken)}, but an integer beyond {@code int} is
   * {@code a large integer} and anything else {@code another value}.
   *
   * @param node the node
   * @return its description
   */
  public static String describe(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? "an integer" : "a large integer";
    }
    if (node.isNumber()) {
      return "a decimal number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNull() ? "null" : "another value";
  }

  /**
   * The parser, standing on the current token.
   *
   * @return the parser
   */
  public JsonParser parser() {
    return parser;
  }

  /**
   * The location of the current token.
   *
   * @return the location
   */
  public JsonLocation here() {
    return parser.currentTokenLocation();
  }

  /**
   * Sets the path of the value being read, where malformed JSON is reported.
   *
   * @param path the path
   */
  public void where(String path) {
    where = path;
  }

  /**
   * How many problems were reported so far, to tell whether a part of the document read cleanly.
   *
   * @return the count
   */
  public int problemCount() {
    return problems;
  }

  /**
   * Reports a problem at a location.
   *
   * @param path the JSON path
   * @param at the location
   * @param what the problem
   */
  public void problem(String path, JsonLocation at, String what) {
    problem(path, at.getLineNr(), at.getColumnNr(), what);
  }

  /**
   * Reports a problem at a line and column.
   *
   * @param path the JSON path
   * @param line the line
   * @param column the column
   * @param what the problem
   */
  public void problem(String path, int line, int column, String what) {
    problems++;
    sink.problem(path, line, column, what);
  }

  /**
   * Reports the current value as {@code expected <expected>, found <its kind>} and skips it.
   *
   * @param path the value's path
   * @param expected what was expected, such as {@code a string}
   * @throws IOException on malformed JSON
   */
  public void wrongType(String path, String expected) throws IOException {
    problem(path, here(), "expected " + expected + ", found " + describe(parser.currentToken()));
    parser.skipChildren();
  }

  /**
   * Reports a property nobody reads as {@code unknown property '<name>', expected <expected>} and skips its value.
   *
   * @param name the property name
   * @param path its path
   * @param at the location of its name
   * @param expected the properties expected, such as {@code version or segments}
   * @throws IOException on malformed JSON
   */
  public void skipUnknown(String name, String path, JsonLocation at, String expected) throws IOException {
    problem(path, at, "unknown property '" + name + "', expected " + expected);
    parser.skipChildren();
  }

  /**
   * Reads the first token: true when it starts an object; otherwise reports {@code expected an object, found no
   * content} at line 1, column 1, or the wrong type (skipping it), and returns false. Finish with
   * {@link #endDocument()} either way.
   *
   * @return whether the document is an object
   * @throws IOException on malformed JSON
   */
  public boolean startDocument() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      problem("$", 1, 1, "expected an object, found no content");
      return false;
    }
    if (token != JsonToken.START_OBJECT) {
      wrongType("$", "an object");
      return false;
    }
    return true;
  }

  /**
   * Reports {@code unexpected content after the JSON value} if anything follows the document's value.
   *
   * @throws IOException on malformed JSON
   */
  public void endDocument() throws IOException {
    if (parser.nextToken() != null) {
      problem("$", here(), "unexpected content after the JSON value");
    }
  }

  /**
   * Reads the properties of the object the parser stands on (its start token), with paths from
   * {@link #child(String, String)}; sets {@link #where(String)} to each property's path before reading it, and
   * reports a repeated name as {@code repeated <noun> '<name>'} (skipping its value, not calling {@code reader}).
   *
   * @param path the object's path
   * @param noun what a property is called in the repeated-name message, such as {@code property}, or null to leave
   *     repeated names to {@code reader} (see {@link #repeated})
   * @param reader reads each property's value
   * @throws IOException on malformed JSON
   */
  public void properties(String path, String noun, PropertyReader reader) throws IOException {
    properties(path, true, true, noun, reader);
  }

  /**
   * Like {@link #properties(String, String, PropertyReader)}, but the paths are always {@code path.name}, and the
   * path of each property becomes {@link #where(String)} only when {@code track} is true.
   *
   * @param path the object's path
   * @param track whether malformed JSON inside a property is reported at the property's path
   * @param noun what a property is called in the repeated-name message, or null to leave repeated names to
   *     {@code reader}
   * @param reader reads each property's value
   * @throws IOException on malformed JSON
   */
  public void plainProperties(String path, boolean track, String noun, PropertyReader reader) throws IOException {
    properties(path, false, track, noun, reader);
  }

  private void properties(String path, boolean quote, boolean track, String noun, PropertyReader reader)
      throws IOException {
    Set<String> seen = noun == null ? null : new HashSet<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String propertyPath = quote ? child(path, name) : path + "." + name;
      JsonLocation at = here();
      parser.nextToken();
      if (track) {
        where = propertyPath;
      }
      if (seen == null || !repeated(seen, name, propertyPath, at, noun)) {
        reader.read(name, propertyPath, at);
      }
    }
  }

  /**
   * Adds {@code name} to {@code seen}; if it was there already, reports {@code repeated <noun> '<name>'} at
   * {@code at}, skips the current value and returns true.
   *
   * @param seen the names seen so far in this object
   * @param name the property name
   * @param path its path
   * @param at the location of its name
   * @param noun what a property is called in the message, such as {@code property}
   * @return whether the name was repeated
   * @throws IOException on malformed JSON
   */
  public boolean repeated(Set<String> seen, String name, String path, JsonLocation at, String noun)
      throws IOException {
    if (seen.add(name)) {
      return false;
    }
    problem(path, at, "repeated " + noun + " '" + name + "'");
    parser.skipChildren();
    return true;
  }

  /**
   * Checks that the current value is the integer {@code expected}, reporting {@code expected the integer
   * <expected>, found ...} or {@code unsupported version <text>, expected <expected>}.
   *
   * @param path the value's path
   * @param expected the supported version
   * @throws IOException on malformed JSON
   */
  public void version(String path, int expected) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      wrongType(path, "the integer " + expected);
    } else if (parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() != expected) {
      problem(path, here(), "unsupported version " + parser.getText() + ", expected " + expected);
    }
  }

  /**
   * Reads an integer in {@code [min, max]}, or reports {@code expected an integer, found ...} or {@code must be
   * between <min> and <max>, was <text>}.
   *
   * @param path the value's path
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the value, or empty after a problem
   * @throws IOException on malformed JSON
   */
  public OptionalInt integer(String path, int min, int max) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      wrongType(path, "an integer");
      return OptionalInt.empty();
    }
    if (!isIntBetween(min, max)) {
      problem(path, here(), "must be between " + min + " and " + max + ", was " + parser.getText());
      return OptionalInt.empty();
    }
    return OptionalInt.of(parser.getIntValue());
  }

  /**
   * Whether the current token is an integer that fits an {@code int} and lies in {@code [min, max]}.
   *
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return whether it is
   * @throws IOException on malformed JSON
   */
  public boolean isIntBetween(int min, int max) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT && parser.getIntValue() >= min
        && parser.getIntValue() <= max;
  }

  /**
   * Reads an integer {@code >= 0} that fits an {@code int}, or reports {@code expected an integer >= 0, found ...}
   * or {@code must be an integer >= 0, was <text>}.
   *
   * @param path the value's path
   * @return the value, or -1 after a problem
   * @throws IOException on malformed JSON
   */
  public int nonNegativeInt(String path) throws IOException {
    if (isIntBetween(0, Integer.MAX_VALUE)) {
      return parser.getIntValue();
    }
    notNonNegative(path);
    return -1;
  }

  /**
   * Reads an integer {@code >= 0} that fits a {@code long}, or reports like {@link #nonNegativeInt(String)}.
   *
   * @param path the value's path
   * @return the value, or -1 after a problem
   * @throws IOException on malformed JSON
   */
  public long nonNegativeLong(String path) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER && parser.getLongValue() >= 0) {
      return parser.getLongValue();
    }
    notNonNegative(path);
    return -1;
  }

  private void notNonNegative(String path) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      problem(path, here(), "must be an integer >= 0, was " + parser.getText());
    } else {
      wrongType(path, "an integer >= 0");
    }
  }

  /**
   * Whether the current token is a number (integer or decimal).
   *
   * @return whether it is
   */
  public boolean isNumber() {
    JsonToken token = parser.currentToken();
    return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
  }

  /**
   * Reads a number, or null as NaN; reports any other value as {@code expected <expected>, found ...}.
   *
   * @param path the value's path
   * @param expected what the message says was expected, such as {@code a number or null}
   * @return the value, NaN for null or after a problem
   * @throws IOException on malformed JSON
   */
  public double numberOrNull(String path, String expected) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return Double.NaN;
    }
    if (!isNumber()) {
      wrongType(path, expected);
      return Double.NaN;
    }
    return parser.getDoubleValue();
  }

  /**
   * Reads a string, or reports {@code expected <expected>, found ...}.
   *
   * @param path the value's path
   * @param expected what the message says was expected, such as {@code a string}
   * @return the string, or null after a problem
   * @throws IOException on malformed JSON
   */
  public String string(String path, String expected) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      wrongType(path, expected);
      return null;
    }
    return parser.getText();
  }

  /**
   * Reads a boolean, or reports {@code expected a boolean, found ...}.
   *
   * @param path the value's path
   * @return the value, or null after a problem
   * @throws IOException on malformed JSON
   */
  public Boolean bool(String path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      wrongType(path, "a boolean");
      return null;
    }
    return token == JsonToken.VALUE_TRUE;
  }
}
