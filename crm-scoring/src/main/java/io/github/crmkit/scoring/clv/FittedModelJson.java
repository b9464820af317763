package io.github.crmkit.scoring.clv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads and writes {@link FittedModel} documents with Jackson's streaming parser, reporting each problem with its
 * JSON path, line and column, and going on after a problem so that one pass finds them all (except after malformed
 * JSON).
 *
 * <p>Stateless and thread-safe; a {@link Reader} serves one call.
 */
final class FittedModelJson {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private FittedModelJson() {}

  static String write(FittedModel m) {
    StringBuilder out = new StringBuilder("{\"model\":\"")
        .append(JsonStringEncoder.getInstance().quoteAsString(m.model())).append("\",\"params\":{");
    List<String> names = m.parameterNames();
    for (int j = 0; j < names.size(); j++) {
      out.append(j == 0 ? "\"" : ",\"").append(names.get(j)).append("\":");
      number(out, m.parameter(names.get(j)));
    }
    out.append("},\"logLikelihood\":");
    number(out, m.logLikelihood());
    out.append(",\"standardErrors\":{");
    for (int j = 0; j < names.size(); j++) {
      out.append(j == 0 ? "\"" : ",\"").append(names.get(j)).append("\":");
      number(out, m.standardError(names.get(j)));
    }
    out.append("},\"converged\":").append(m.converged()).append(",\"customers\":").append(m.customers())
        .append(",\"diagnostics\":{\"iterations\":").append(m.iterations()).append(",\"gradientNorm\":");
    number(out, m.gradientNorm());
    out.append(",\"message\":\"").append(JsonStringEncoder.getInstance().quoteAsString(m.message())).append("\"}}");
    return out.toString();
  }

  private static void number(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null");
    } else {
      out.append(value);
    }
  }

  static FittedModel read(String json) {
    Reader reader = parse(json);
    if (!reader.problems.isEmpty()) {
      StringBuilder message = new StringBuilder("invalid fitted model, ").append(reader.problems.size())
          .append(reader.problems.size() == 1 ? " problem" : " problems");
      for (String problem : reader.problems) {
        message.append("\n  at ").append(problem);
      }
      throw new IllegalArgumentException(message.toString());
    }
    return reader.build();
  }

  static List<String> problems(String json) {
    return List.copyOf(parse(json).problems);
  }

  /** Orders problems by line, then column (stable), so that they read in document order. */
  private static void sortByPosition(List<String> problems) {
    problems.sort(java.util.Comparator.comparingLong(FittedModelJson::position));
  }

  private static long position(String problem) {
    java.util.regex.Matcher m = POSITION.matcher(problem);
    return m.find() ? Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)) : 0L;
  }

  private static final java.util.regex.Pattern POSITION =
      java.util.regex.Pattern.compile(" \\(line (\\d+), column (\\d+)\\): ");

  private static Reader parse(String json) {
    Objects.requireNonNull(json, "json");
    Reader reader = new Reader();
    try (JsonParser parser = FACTORY.createParser(json)) {
      reader.parser = parser;
      reader.document();
      sortByPosition(reader.problems);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      reader.problems.add(reader.where + " (line " + (at == null ? 0 : at.getLineNr()) + ", column "
          + (at == null ? 0 : at.getColumnNr()) + "): malformed JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String does no I/O
    }
    return reader;
  }

  private static final class Reader {
    private final List<String> problems = new ArrayList<>();
    private JsonParser parser;
    private String where = "$";

    private String model;
    private List<String> names;
    private double[] params;
    private JsonLocation paramsAt;
    private double logLikelihood = Double.NaN;
    private double[] standardErrors;
    private JsonLocation standardErrorsAt;
    private long customers;
    private boolean converged;
    private int iterations;
    private double gradientNorm = Double.NaN;
    private String message = "";

    private void problem(String path, JsonLocation at, String what) {
      problems.add(path + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + "): " + what);
    }

    private JsonLocation here() {
      return parser.currentTokenLocation();
    }

    private void wrongType(String path, String expected) throws IOException {
      problem(path, here(), "expected " + expected + ", found " + describe(parser.currentToken()));
      parser.skipChildren();
    }

    private static String describe(JsonToken token) {
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

    private boolean isNumber() {
      JsonToken token = parser.currentToken();
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    void document() throws IOException {
      JsonToken token = parser.nextToken();
      if (token == null) {
        problems.add("$ (line 1, column 1): expected an object, found no content");
        return;
      }
      if (token != JsonToken.START_OBJECT) {
        wrongType("$", "an object");
      } else {
        JsonLocation start = here();
        Set<String> seen = new HashSet<>();
        // model must be known before params can be checked: params and standardErrors are read into maps by name
        List<String> paramKeys = new ArrayList<>();
        List<Double> paramValues = new ArrayList<>();
        List<JsonLocation> paramLocations = new ArrayList<>();
        List<String> errorKeys = new ArrayList<>();
        List<Double> errorValues = new ArrayList<>();
        List<JsonLocation> errorLocations = new ArrayList<>();
        JsonLocation modelAt = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String path = "$." + name;
          JsonLocation at = here();
          parser.nextToken();
          where = path;
          if (!seen.add(name)) {
            problem(path, at, "repeated property '" + name + "'");
            parser.skipChildren();
            continue;
          }
          switch (name) {
            case "model" -> {
              modelAt = here();
              if (parser.currentToken() != JsonToken.VALUE_STRING) {
                wrongType(path, "a model name");
              } else {
                model = parser.getText();
                names = FittedModel.MODEL_NAMES.get(model);
                if (names == null) {
                  problem(path, here(), "unknown model '" + model + "', expected one of "
                      + FittedModel.MODEL_NAMES.keySet());
                }
              }
            }
            case "params" -> {
              paramsAt = here();
              numberMap(path, paramKeys, paramValues, paramLocations, false);
            }
            case "standardErrors" -> {
              standardErrorsAt = here();
              numberMap(path, errorKeys, errorValues, errorLocations, true);
            }
            case "logLikelihood" -> {
              if (parser.currentToken() == JsonToken.VALUE_NULL) {
                logLikelihood = Double.NaN;
              } else if (!isNumber()) {
                wrongType(path, "a number");
              } else {
                logLikelihood = parser.getDoubleValue();
                if (Double.isInfinite(logLikelihood)) {
                  problem(path, here(), "must be finite, was " + parser.getText());
                }
              }
            }
            case "converged" -> {
              JsonToken t = parser.currentToken();
              if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                wrongType(path, "a boolean");
              } else {
                converged = t == JsonToken.VALUE_TRUE;
              }
            }
            case "customers" -> {
              if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                  || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER || parser.getLongValue() < 0) {
                if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                  problem(path, here(), "must be an integer >= 0, was " + parser.getText());
                } else {
                  wrongType(path, "an integer >= 0");
                }
              } else {
                customers = parser.getLongValue();
              }
            }
            case "diagnostics" -> diagnostics(path);
            default -> {
              problem(path, at, "unknown property '" + name + "', expected model, params, logLikelihood, "
                  + "standardErrors, converged, customers or diagnostics");
              parser.skipChildren();
            }
          }
          where = "$";
        }
        if (modelAt == null) {
          problem("$.model", start, "missing, expected one of " + FittedModel.MODEL_NAMES.keySet());
        }
        if (paramsAt == null) {
          problem("$.params", start, "missing, expected an object of parameters");
        }
        if (names != null) {
          if (paramsAt != null) {
            params = byName("$.params", paramsAt, paramKeys, paramValues, paramLocations, false);
          }
          standardErrors = standardErrorsAt == null ? nanArray(names.size())
              : byName("$.standardErrors", standardErrorsAt, errorKeys, errorValues, errorLocations, true);
        }
      }
      if (parser.nextToken() != null) {
        problem("$", here(), "unexpected content after the JSON value");
      }
    }

    private static double[] nanArray(int n) {
      double[] array = new double[n];
      Arrays.fill(array, Double.NaN);
      return array;
    }

    private void numberMap(String path, List<String> keys, List<Double> values, List<JsonLocation> locations,
        boolean nullable) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object of numbers");
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        String keyPath = path + "." + key;
        JsonLocation at = here();
        parser.nextToken();
        if (keys.contains(key)) {
          problem(keyPath, at, "repeated property '" + key + "'");
          parser.skipChildren();
          continue;
        }
        if (nullable && parser.currentToken() == JsonToken.VALUE_NULL) {
          keys.add(key);
          values.add(Double.NaN);
          locations.add(here());
        } else if (!isNumber()) {
          wrongType(keyPath, nullable ? "a number or null" : "a number");
        } else {
          keys.add(key);
          values.add(parser.getDoubleValue());
          locations.add(here());
        }
      }
    }

    /** Orders the values read by the model's names, checking each; null when there are problems. */
    private double[] byName(String path, JsonLocation at, List<String> keys, List<Double> values,
        List<JsonLocation> locations, boolean standardError) {
      int before = problems.size();
      double[] result = new double[names.size()];
      for (int k = 0; k < keys.size(); k++) {
        if (!names.contains(keys.get(k))) {
          problem(path + "." + keys.get(k), locations.get(k), "unknown parameter '" + keys.get(k) + "' of "
              + model + ", expected " + names);
        }
      }
      for (int j = 0; j < names.size(); j++) {
        int k = keys.indexOf(names.get(j));
        if (k < 0) {
          if (standardError) {
            result[j] = Double.NaN;
          } else {
            problem(path + "." + names.get(j), at, "missing parameter " + names.get(j) + " of " + model);
          }
          continue;
        }
        double value = values.get(k);
        if (standardError) {
          if (value < 0.0 || Double.isInfinite(value)) {
            problem(path + "." + names.get(j), locations.get(k), "must be finite and >= 0 or null, was " + value);
          }
        } else if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
          problem(path + "." + names.get(j), locations.get(k), "must be positive and finite, was " + value);
        }
        result[j] = value;
      }
      return problems.size() == before ? result : null;
    }

    private void diagnostics(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        wrongType(path, "an object");
        return;
      }
      Set<String> seen = new HashSet<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String keyPath = path + "." + name;
        JsonLocation at = here();
        parser.nextToken();
        if (!seen.add(name)) {
          problem(keyPath, at, "repeated property '" + name + "'");
          parser.skipChildren();
          continue;
        }
        switch (name) {
          case "iterations" -> {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < 0) {
              if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                problem(keyPath, here(), "must be an integer >= 0, was " + parser.getText());
              } else {
                wrongType(keyPath, "an integer >= 0");
              }
            } else {
              iterations = parser.getIntValue();
            }
          }
          case "gradientNorm" -> {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
              gradientNorm = Double.NaN;
            } else if (!isNumber()) {
              wrongType(keyPath, "a number or null");
            } else {
              gradientNorm = parser.getDoubleValue();
            }
          }
          case "message" -> {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
              wrongType(keyPath, "a string");
            } else {
              message = parser.getText();
            }
          }
          default -> {
            problem(keyPath, at, "unknown property '" + name + "', expected iterations, gradientNorm or message");
            parser.skipChildren();
          }
        }
      }
    }

    FittedModel build() {
      return new FittedModel(model, params, logLikelihood, standardErrors, customers, converged, iterations,
          gradientNorm, message);
    }
  }
}
