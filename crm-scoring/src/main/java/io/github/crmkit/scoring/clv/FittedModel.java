package io.github.crmkit.scoring.clv;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a maximum-likelihood fit: the model's name, its parameters by the papers' names, the
 * log-likelihood, standard errors, the number of customers and the convergence information. It serialises to JSON
 * and back ({@link #toJson()}, {@link #fromJson(String)}):
 *
 * <pre>{@code
 * {"model":"bg-nbd","params":{"r":0.2426,"alpha":4.4137,"a":0.7930,"b":2.4262},"logLikelihood":-9582.43,
 *  "standardErrors":{"r":0.0126,"alpha":0.3784,"a":0.1716,"b":0.6943},"converged":true,"customers":2357,
 *  "diagnostics":{"iterations":23,"gradientNorm":3.1E-10,"message":"converged: gradient below 1.0E-8"}}
 * }</pre>
 *
 * <p>Models and parameter names: {@code bg-nbd} and {@code mbg-nbd}: {@code r, alpha, a, b}; {@code pareto-nbd}:
 * {@code r, alpha, s, beta}; {@code gamma-gamma}: {@code p, q, gamma}; {@code bg-bb}: {@code alpha, beta, gamma,
 * delta}. A standard error that could not be computed (the observed information was not positive definite) is NaN,
 * written as {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FittedModel {
  /** The known models and their parameter names, in the papers' order. */
  static final Map<String, List<String>> MODEL_NAMES;

  static {
    Map<String, List<String>> names = new LinkedHashMap<>();
    names.put("bg-nbd", List.of("r", "alpha", "a", "b"));
    names.put("mbg-nbd", List.of("r", "alpha", "a", "b"));
    names.put("pareto-nbd", List.of("r", "alpha", "s", "beta"));
    names.put("gamma-gamma", List.of("p", "q", "gamma"));
    names.put("bg-bb", List.of("alpha", "beta", "gamma", "delta"));
    MODEL_NAMES = Collections.unmodifiableMap(names);
  }

  private final String model;
  private final List<String> names;
  private final double[] values;
  private final double logLikelihood;
  private final double[] standardErrors;
  private final long customers;
  private final boolean converged;
  private final int iterations;
  private final double gradientNorm;
  private final String message;

  FittedModel(String model, double[] values, double logLikelihood, double[] standardErrors, long customers,
      boolean converged, int iterations, double gradientNorm, String message) {
    this.model = Objects.requireNonNull(model, "model");
    this.names = parameterNames(model);
    if (values.length != names.size() || standardErrors.length != names.size()) {
      throw new IllegalArgumentException(model + " has " + names.size() + " parameters, got " + values.length
          + " values and " + standardErrors.length + " standard errors");
    }
    for (int j = 0; j < values.length; j++) {
      if (!(values[j] > 0.0 && values[j] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(names.get(j) + " must be positive and finite, was " + values[j]);
      }
      if (standardErrors[j] < 0.0 || standardErrors[j] == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("standard error of " + names.get(j)
            + " must be finite and >= 0 (or NaN when unknown), was " + standardErrors[j]);
      }
    }
    if (Double.isInfinite(logLikelihood)) {
      throw new IllegalArgumentException("logLikelihood must be finite (or NaN when unknown), was " + logLikelihood);
    }
    if (customers < 0) {
      throw new IllegalArgumentException("customers must be >= 0, was " + customers);
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations must be >= 0, was " + iterations);
    }
    this.values = values.clone();
    this.logLikelihood = logLikelihood;
    this.standardErrors = standardErrors.clone();
    this.customers = customers;
    this.converged = converged;
    this.iterations = iterations;
    this.gradientNorm = gradientNorm;
    this.message = Objects.requireNonNull(message, "message");
  }

  /**
   * A model with known parameters and no fit behind it (for example published ones): log-likelihood and standard
   * errors unknown (NaN), 0 customers, not converged.
   *
   * @param model the model's name, for example {@code bg-nbd}
   * @param parameters the parameters by name, exactly the model's
   * @return the model
   * @throws IllegalArgumentException if the model is unknown, a parameter is missing, unknown, or not positive and
   *     finite
   */
  public static FittedModel of(String model, Map<String, Double> parameters) {
    List<String> names = parameterNames(model);
    double[] values = new double[names.size()];
    for (String key : parameters.keySet()) {
      if (!names.contains(key)) {
        throw new IllegalArgumentException("unknown parameter '" + key + "' for " + model + ", expected " + names);
      }
    }
    for (int j = 0; j < values.length; j++) {
      Double value = parameters.get(names.get(j));
      if (value == null) {
        throw new IllegalArgumentException("missing parameter " + names.get(j) + " of " + model);
      }
      values[j] = value;
    }
    double[] unknown = new double[values.length];
    Arrays.fill(unknown, Double.NaN);
    return new FittedModel(model, values, Double.NaN, unknown, 0, false, 0, Double.NaN, "");
  }

  static List<String> parameterNames(String model) {
    List<String> names = MODEL_NAMES.get(model);
    if (names == null) {
      throw new IllegalArgumentException("unknown model '" + model + "', expected one of " + MODEL_NAMES.keySet());
    }
    return names;
  }

  /**
   * The model's name: {@code bg-nbd}, {@code mbg-nbd}, {@code pareto-nbd}, {@code gamma-gamma} or {@code bg-bb}.
   *
   * @return the name
   */
  public String model() {
    return model;
  }

  /**
   * The parameter names in the papers' order.
   *
   * @return the names, unmodifiable
   */
  public List<String> parameterNames() {
    return names;
  }

  /**
   * One parameter by name.
   *
   * @param name the parameter's name
   * @return its value
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public double parameter(String name) {
    return values[index(name)];
  }

  /**
   * The standard error of one parameter.
   *
   * @param name the parameter's name
   * @return the standard error, NaN when unknown
   * @throws IllegalArgumentException if the model has no such parameter
   */
  public double standardError(String name) {
    return standardErrors[index(name)];
  }

  private int index(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("unknown parameter '" + name + "' for " + model + ", expected " + names);
    }
    return index;
  }

  /**
   * The parameters by name, in the papers' order.
   *
   * @return a new unmodifiable map
   */
  public Map<String, Double> parameters() {
    return map(values);
  }

  /**
   * The standard errors by name (NaN when unknown), in the papers' order.
   *
   * @return a new unmodifiable map
   */
  public Map<String, Double> standardErrors() {
    return map(standardErrors);
  }

  private Map<String, Double> map(double[] array) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int j = 0; j < array.length; j++) {
      map.put(names.get(j), array[j]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The parameter values in the papers' order; a copy. */
  double[] values() {
    return values.clone();
  }

  /**
   * The log-likelihood at the parameters over the fitted data (without penalty).
   *
   * @return the log-likelihood, NaN when unknown
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * The number of customers fitted (the total weight of the data, rounded).
   *
   * @return the number of customers, 0 when unknown
   */
  public long customers() {
    return customers;
  }

  /**
   * Whether the optimiser converged.
   *
   * @return true if the gradient met the tolerance
   */
  public boolean converged() {
    return converged;
  }

  /**
   * The optimiser's iterations (of the best starting point).
   *
   * @return the iterations, 0 when unknown
   */
  public int iterations() {
    return iterations;
  }

  /**
   * The largest absolute component of the gradient of the per-customer objective on the log scale at the end.
   *
   * @return the gradient norm, NaN when unknown
   */
  public double gradientNorm() {
    return gradientNorm;
  }

  /**
   * What ended the optimisation, for example {@code converged: gradient below 1.0E-8}.
   *
   * @return the message, empty when unknown
   */
  public String message() {
    return message;
  }

  /**
   * Writes the JSON document described in the class comment, on one line.
   *
   * @return the JSON text
   */
  public String toJson() {
    return FittedModelJson.write(this);
  }

  /**
   * Reads a JSON document as {@link #toJson()} writes it. Only {@code model} and {@code params} are required; a
   * missing {@code logLikelihood}, {@code standardErrors} or {@code gradientNorm} is NaN, a missing
   * {@code customers} or {@code iterations} 0, a missing {@code converged} false.
   *
   * @param json the JSON text
   * @return the model
   * @throws IllegalArgumentException listing every problem found, each with its JSON path, line and column
   */
  public static FittedModel fromJson(String json) {
    return FittedModelJson.read(json);
  }

  /**
   * Checks a JSON document without building the model.
   *
   * @param json the JSON text
   * @return the problems found, each as {@code $.path (line L, column C): problem}; empty when valid
   */
  public static List<String> validate(String json) {
    return FittedModelJson.problems(json);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof FittedModel that
        && model.equals(that.model)
        && Arrays.equals(values, that.values)
        && Double.compare(logLikelihood, that.logLikelihood) == 0
        && Arrays.equals(standardErrors, that.standardErrors)
        && customers == that.customers
        && converged == that.converged
        && iterations == that.iterations
        && Double.compare(gradientNorm, that.gradientNorm) == 0
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    int h = model.hashCode();
    h = 31 * h + Arrays.hashCode(values);
    h = 31 * h + Double.hashCode(logLikelihood);
    h = 31 * h + Arrays.hashCode(standardErrors);
    h = 31 * h + Long.hashCode(customers);
    return 31 * h + (converged ? 1 : 0);
  }

  /** Returns the JSON document. */
  @Override
  public String toString() {
    return toJson();
  }
}
