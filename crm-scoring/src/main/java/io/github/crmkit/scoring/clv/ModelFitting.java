package io.github.crmkit.scoring.clv;

/**
 * The shared fitting machinery: maximisation on the log scale ({@link LogScaleMaximizer}), standard errors from the
 * numerical Hessian of the log-likelihood, and the {@link FittedModel} result. See {@link LogLikelihood} for the
 * contract a model implements to plug in.
 *
 * <p>Package-private; stateless and thread-safe.
 */
final class ModelFitting {
  /** Relative step of the central differences of the gradient. */
  private static final double HESSIAN_STEP = 1e-5;

  private ModelFitting() {}

  /**
   * Fits a model by maximum likelihood and describes the result.
   *
   * @param model the model's name, one of {@link FittedModel#MODEL_NAMES}, whose parameter names give the order of
   *     {@code theta}
   * @param f the log-likelihood over the data
   * @param starts starting points (natural scale), tried in order; the best optimum wins
   * @param options penalty, iterations and tolerance
   * @return the fitted model, with standard errors of the unpenalised log-likelihood (NaN where the Hessian is not
   *     negative definite) and the convergence information
   */
  static FittedModel fit(String model, LogLikelihood f, double[][] starts, FitOptions options) {
    return result(model, f, LogScaleMaximizer.maximize(f, starts, options, false));
  }

  /**
   * As {@link #fit(String, LogLikelihood, double[][], FitOptions)}, but stops at the first starting point whose run
   * converges: for likelihoods whose surface is known to be well behaved, where the further points are fallbacks.
   *
   * @param model the model's name
   * @param f the log-likelihood over the data
   * @param starts starting points (natural scale), tried in order until one converges
   * @param options penalty, iterations and tolerance
   * @return the fitted model
   */
  static FittedModel fitUntilConverged(String model, LogLikelihood f, double[][] starts, FitOptions options) {
    return result(model, f, LogScaleMaximizer.maximize(f, starts, options, true));
  }

  private static FittedModel result(String model, LogLikelihood f, LogScaleMaximizer.Optimum optimum) {
    double[] standardErrors = standardErrors(f, optimum.theta());
    return new FittedModel(model, optimum.theta(), optimum.logLikelihood(), standardErrors,
        Math.round(f.totalWeight()), optimum.converged(), optimum.iterations(), optimum.gradientNorm(),
        optimum.message());
  }

  /**
   * The Hessian of the log-likelihood with respect to the natural parameters, by central differences of the analytic
   * gradient with relative steps of 1e-5, symmetrised.
   *
   * @param f the log-likelihood
   * @param theta the point, natural scale
   * @return the Hessian, row-major, {@code n * n}; NaN entries where the gradient is not finite nearby
   */
  static double[] hessian(LogLikelihood f, double[] theta) {
    int n = f.dimension();
    double[] h = new double[n * n];
    double[] point = theta.clone();
    double[] plus = new double[n];
    double[] minus = new double[n];
    for (int j = 0; j < n; j++) {
      double step = HESSIAN_STEP * theta[j];
      point[j] = theta[j] + step;
      double up = f.value(point, plus);
      point[j] = theta[j] - step;
      double down = f.value(point, minus);
      point[j] = theta[j];
      boolean finite = up > Double.NEGATIVE_INFINITY && down > Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        h[i * n + j] = finite ? (plus[i] - minus[i]) / (2.0 * step) : Double.NaN;
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double mean = 0.5 * (h[i * n + j] + h[j * n + i]);
        h[i * n + j] = mean;
        h[j * n + i] = mean;
      }
    }
    return h;
  }

  /**
   * Standard errors: the square roots of the diagonal of the inverse of the negative Hessian of the log-likelihood
   * (the observed information).
   *
   * @param f the log-likelihood
   * @param theta the maximum, natural scale
   * @return the standard errors; all NaN when the observed information is not positive definite
   */
  static double[] standardErrors(LogLikelihood f, double[] theta) {
    int n = f.dimension();
    double[] information = hessian(f, theta);
    for (int i = 0; i < n * n; i++) {
      information[i] = -information[i];
    }
    double[] covariance = invertPositiveDefinite(information, n);
    double[] result = new double[n];
    for (int i = 0; i < n; i++) {
      double variance = covariance == null ? Double.NaN : covariance[i * n + i];
      result[i] = variance > 0.0 && variance < Double.POSITIVE_INFINITY ? Math.sqrt(variance) : Double.NaN;
    }
    return result;
  }

  /**
   * Inverts a symmetric positive definite matrix by Cholesky decomposition.
   *
   * @param a the matrix, row-major, not modified
   * @param n its order
   * @return the inverse, or null when {@code a} is not (numerically) positive definite
   */
  static double[] invertPositiveDefinite(double[] a, int n) {
    double[] l = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i * n + j];
        for (int k = 0; k < j; k++) {
          sum -= l[i * n + k] * l[j * n + k];
        }
        if (i == j) {
          if (!(sum > 0.0)) {
            return null;
          }
          l[i * n + i] = Math.sqrt(sum);
        } else {
          l[i * n + j] = sum / l[j * n + j];
        }
      }
    }
    // inverse of L, then inv(A) = inv(L)' inv(L)
    double[] li = new double[n * n];
    for (int i = 0; i < n; i++) {
      li[i * n + i] = 1.0 / l[i * n + i];
      for (int j = 0; j < i; j++) {
        double sum = 0.0;
        for (int k = j; k < i; k++) {
          sum -= l[i * n + k] * li[k * n + j];
        }
        li[i * n + j] = sum / l[i * n + i];
      }
    }
    double[] inverse = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0.0;
        for (int k = Math.max(i, j); k < n; k++) {
          sum += li[k * n + i] * li[k * n + j];
        }
        inverse[i * n + j] = sum;
      }
    }
    for (double v : inverse) {
      if (!(Math.abs(v) < Double.POSITIVE_INFINITY)) {
        return null;
      }
    }
    return inverse;
  }
}
