package io.github.crmkit.scoring.clv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.github.crmkit.model.internal.JsonDocumentReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes {@link FittedModel} documents with Jackson's streaming parser, reporting each problem with its
 * JSON path, line and column, and going on after a problem so that one pass finds them all (except after malformed
 * JSON).
 *
 * <p>Stateless and thread-safe; a {@link Reader} serves one call.
 */
final class FittedModelJson {
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
    JsonDocumentReader.read(json, (path, line, column, what) -> reader.problems.add(path + " (line " + line
        + ", column " + column + "): " + what), r -> {
          reader.document(r);
          sortByPosition(reader.problems);
        });
    return reader;
  }

  private static final class Reader {
    private final List<String> problems = new ArrayList<>();
    private JsonDocumentReader in;
    private JsonParser parser;

    private String model;
    private List<String> names;
    private double[] params;
    private JsonLocation paramsAt;
    private double logLikelihood = Double.NaN;
    private double[] standardErrors;
    private JsonLocation standardErrorsAt;
    private JsonLocation modelAt;
    private long customers;
    private boolean converged;
    private int iterations;
    private double gradientNorm = Double.NaN;
    private String message = "";

    void document(JsonDocumentReader reader) throws IOException {
      in = reader;
      parser = reader.parser();
      if (in.startDocument()) {
        JsonLocation start = in.here();
        // model must be known before params can be checked: params and standardErrors are read into maps by name
        List<String> paramKeys = new ArrayList<>();
        List<Double> paramValues = new ArrayList<>();
        List<JsonLocation> paramLocations = new ArrayList<>();
        List<String> errorKeys = new ArrayList<>();
        List<Double> errorValues = new ArrayList<>();
        List<JsonLocation> errorLocations = new ArrayList<>();
        in.plainProperties("$", true, "property", (name, path, at) -> {
          switch (name) {
            case "model" -> {
              modelAt = in.here();
              model = in.string(path, "a model name");
              if (model != null) {
                names = FittedModel.MODEL_NAMES.get(model);
                if (names == null) {
                  in.problem(path, in.here(), "unknown model '" + model + "', expected one of "
                      + FittedModel.MODEL_NAMES.keySet());
                }
              }
            }
            case "params" -> {
              paramsAt = in.here();
              numberMap(path, paramKeys, paramValues, paramLocations, false);
            }
            case "standardErrors" -> {
              standardErrorsAt = in.here();
              numberMap(path, errorKeys, errorValues, errorLocations, true);
            }
            case "logLikelihood" -> {
              logLikelihood = in.numberOrNull(path, "a number");
              if (Double.isInfinite(logLikelihood)) {
                in.problem(path, in.here(), "must be finite, was " + parser.getText());
              }
            }
            case "converged" -> {
              Boolean value = in.bool(path);
              if (value != null) {
                converged = value;
              }
            }
            case "customers" -> {
              long value = in.nonNegativeLong(path);
              if (value >= 0) {
                customers = value;
              }
            }
            case "diagnostics" -> diagnostics(path);
            default -> in.skipUnknown(name, path, at, "model, params, logLikelihood, "
                + "standardErrors, converged, customers or diagnostics");
          }
          in.where("$");
        });
        if (modelAt == null) {
          in.problem("$.model", start, "missing, expected one of " + FittedModel.MODEL_NAMES.keySet());
        }
        if (paramsAt == null) {
          in.problem("$.params", start, "missing, expected an object of parameters");
        }
        if (names != null) {
          if (paramsAt != null) {
            params = byName("$.params", paramsAt, paramKeys, paramValues, paramLocations, false);
          }
          standardErrors = standardErrorsAt == null ? nanArray(names.size())
              : byName("$.standardErrors", standardErrorsAt, errorKeys, errorValues, errorLocations, true);
        }
      }
      in.endDocument();
    }

    private static double[] nanArray(int n) {
      double[] array = new double[n];
      Arrays.fill(array, Double.NaN);
      return array;
    }

    private void numberMap(String path, List<String> keys, List<Double> values, List<JsonLocation> locations,
        boolean nullable) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object of numbers");
        return;
      }
      in.plainProperties(path, false, null, (key, keyPath, at) -> {
        if (keys.contains(key)) {
          in.problem(keyPath, at, "repeated property '" + key + "'");
          parser.skipChildren();
        } else if (nullable && parser.currentToken() == JsonToken.VALUE_NULL) {
          keys.add(key);
          values.add(Double.NaN);
          locations.add(in.here());
        } else if (!in.isNumber()) {
          in.wrongType(keyPath, nullable ? "a number or null" : "a number");
        } else {
          keys.add(key);
          values.add(parser.getDoubleValue());
          locations.add(in.here());
        }
      });
    }

    /** Orders the values read by the model's names, checking each; null when there are problems. */
    private double[] byName(String path, JsonLocation at, List<String> keys, List<Double> values,
        List<JsonLocation> locations, boolean standardError) {
      int before = problems.size();
      double[] result = new double[names.size()];
      for (int k = 0; k < keys.size(); k++) {
        if (!names.contains(keys.get(k))) {
          in.problem(path + "." + keys.get(k), locations.get(k), "unknown parameter '" + keys.get(k) + "' of "
              + model + ", expected " + names);
        }
      }
      for (int j = 0; j < names.size(); j++) {
        int k = keys.indexOf(names.get(j));
        if (k < 0) {
          if (standardError) {
            result[j] = Double.NaN;
          } else {
            in.problem(path + "." + names.get(j), at, "missing parameter " + names.get(j) + " of " + model);
          }
          continue;
        }
        double value = values.get(k);
        if (standardError) {
          if (value < 0.0 || Double.isInfinite(value)) {
            in.problem(path + "." + names.get(j), locations.get(k), "must be finite and >= 0 or null, was " + value);
          }
        } else if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
          in.problem(path + "." + names.get(j), locations.get(k), "must be positive and finite, was " + value);
        }
        result[j] = value;
      }
      return problems.size() == before ? result : null;
    }

    private void diagnostics(String path) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        in.wrongType(path, "an object");
        return;
      }
      in.plainProperties(path, false, "property", (name, keyPath, at) -> {
        switch (name) {
          case "iterations" -> {
            int value = in.nonNegativeInt(keyPath);
            if (value >= 0) {
              iterations = value;
            }
          }
          case "gradientNorm" -> gradientNorm = in.numberOrNull(keyPath, "a number or null");
          case "message" -> {
            String value = in.string(keyPath, "a string");
            if (value != null) {
              message = value;
            }
          }
          default -> in.skipUnknown(name, keyPath, at, "iterations, gradientNorm or message");
        }
      });
    }

    FittedModel build() {
      return new FittedModel(model, params, logLikelihood, standardErrors, customers, converged, iterations,
          gradientNorm, message);
    }
  }
}
