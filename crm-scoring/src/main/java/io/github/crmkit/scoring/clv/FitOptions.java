package io.github.crmkit.scoring.clv;

/**
 * Options of a maximum-likelihood fit.
 *
 * <p>The fit maximises {@code LL(theta) / N - penalty * sum_j theta_j^2}, the log-likelihood per customer ({@code N}
 * the number of customers, the total weight) less an L2 penalty on the natural parameters (the penalty lifetimes calls
 * {@code penalizer_coef}), over the log scale of the parameters with BFGS, stopping when the largest component of the
 * gradient on the log scale is at most {@code gradientTolerance} or after {@code maxIterations} iterations (per
 * starting point).
 *
 * <p>Immutable and thread-safe.
 *
 * @param penalty the L2 penalty coefficient, finite and {@code >= 0}; 0 (the default) for plain maximum likelihood
 * @param maxIterations the maximum number of BFGS iterations per starting point, {@code >= 1}
 * @param gradientTolerance the convergence threshold on the largest absolute gradient component of the per-customer
 *     objective on the log scale, positive and finite
 */
public record FitOptions(double penalty, int maxIterations, double gradientTolerance) {

  /** The default options: no penalty, 500 iterations, gradient tolerance 1e-8. */
  public static final FitOptions DEFAULTS = new FitOptions(0.0, 500, 1e-8);

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException if an option is out of range, naming it
   */
  public FitOptions {
    if (!(penalty >= 0.0 && penalty < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("penalty must be finite and >= 0, was " + penalty);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be at least 1, was " + maxIterations);
    }
    if (!(gradientTolerance > 0.0 && gradientTolerance < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("gradientTolerance must be positive and finite, was " + gradientTolerance);
    }
  }

  /**
   * The default options.
   *
   * @return {@link #DEFAULTS}
   */
  public static FitOptions defaults() {
    return DEFAULTS;
  }

  /**
   * These options with another L2 penalty.
   *
   * @param penalty the penalty coefficient, finite and {@code >= 0}
   * @return new options
   * @throws IllegalArgumentException if the penalty is negative or not finite
   */
  public FitOptions withPenalty(double penalty) {
    return new FitOptions(penalty, maxIterations, gradientTolerance);
  }
}
