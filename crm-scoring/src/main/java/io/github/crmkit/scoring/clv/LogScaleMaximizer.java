package io.github.crmkit.scoring.clv;

import java.util.Arrays;

/**
 * Maximises a {@link LogLikelihood} over the log scale of its (positive) parameters with BFGS and a strong-Wolfe line
 * search (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 3.5, 3.6 and 6.1), from one or more
 * starting points, keeping the best optimum.
 *
 * <p>With {@code eta = ln theta}, the objective minimised is {@code phi(eta) = -LL(theta) / N + penalty * sum
 * theta_j^2}, whose gradient is {@code -theta_j g_j / N + 2 penalty theta_j^2} for the analytic gradient {@code g} of
 * the log-likelihood. Where the likelihood is not defined (NaN or infinite), the line search steps back. Steps are
 * limited to a change of 5 in any {@code eta_j} (a factor of about 150 in the parameter), so that a first step cannot
 * overflow.
 *
 * <p>Package-private; stateless and thread-safe (each call allocates its own work arrays, a few per call, none per
 * iteration).
 */
final class LogScaleMaximizer {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final double MAX_STEP = 5.0;
  private static final double ETA_LIMIT = 40.0;
  private static final int LINE_SEARCH_EVALUATIONS = 40;
  /** A stalled search still counts as converged when its gradient is this small (per customer, log scale). */
  private static final double STALL_TOLERANCE = 1e-5;
  /** A failed line search within this multiple of the tolerance ends the run at once (rounding, not a poor model). */
  private static final double NEAR_TOLERANCE = 100.0;
  /** Relative size of a decrease of the objective that rounding hides. */
  private static final double ROUNDING = 1e-14;

  private LogScaleMaximizer() {}

  /**
   * The best optimum found.
   *
   * @param theta the parameters (natural scale)
   * @param logLikelihood the unpenalised total log-likelihood at {@code theta}
   * @param iterations the BFGS iterations of the run that found it
   * @param gradientNorm the largest absolute component of the objective's gradient on the log scale, per customer
   * @param converged whether that run met the gradient tolerance (or stalled with a gradient below 1e-5)
   * @param message what ended the run
   */
  record Optimum(double[] theta, double logLikelihood, int iterations, double gradientNorm, boolean converged,
      String message) {}

  /**
   * Maximises from each starting point and returns the best result: the converged run with the highest penalised
   * objective, or, when none converged, the run with the highest objective.
   *
   * @param f the log-likelihood
   * @param starts the starting points, natural scale, each of {@code f.dimension()} positive values
   * @param options penalty, iterations and tolerance
   * @return the best optimum
   * @throws IllegalArgumentException if there is no starting point, or the log-likelihood is not finite at any
   */
  static Optimum maximize(LogLikelihood f, double[][] starts, FitOptions options) {
    return maximize(f, starts, options, false);
  }

  /**
   * As {@link #maximize(LogLikelihood, double[][], FitOptions)}, optionally stopping at the first converged run.
   *
   * @param f the log-likelihood
   * @param starts the starting points, natural scale
   * @param options penalty, iterations and tolerance
   * @param stopAtFirstConverged whether to stop at the first starting point whose run converges
   * @return the best optimum
   */
  static Optimum maximize(LogLikelihood f, double[][] starts, FitOptions options, boolean stopAtFirstConverged) {
    if (starts.length == 0) {
      throw new IllegalArgumentException("at least one starting point is needed");
    }
    Optimum best = null;
    double bestObjective = Double.NEGATIVE_INFINITY;
    for (double[] start : starts) {
      Run run = new Run(f, options);
      Optimum optimum = run.minimize(start);
      if (optimum == null) {
        continue;
      }
      double objective = -run.phi;
      boolean better = best == null
          || (optimum.converged() && !best.converged())
          || (optimum.converged() == best.converged() && objective > bestObjective);
      if (better) {
        best = optimum;
        bestObjective = objective;
      }
      if (stopAtFirstConverged && best.converged()) {
        break;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("the log-likelihood is not finite at any starting point");
    }
    return best;
  }

  /** One BFGS run; holds its work arrays. */
  private static final class Run {
    private final LogLikelihood f;
    private final FitOptions options;
    private final int n;
    private final double scale;
    private final double[] theta;
    private final double[] rawGradient;
    private final double[] trialEta;
    private final double[] trialGradient;
    private double phi;
    private double logLikelihood;

    Run(LogLikelihood f, FitOptions options) {
      this.f = f;
      this.options = options;
      this.n = f.dimension();
      this.scale = 1.0 / f.totalWeight();
      this.theta = new double[n];
      this.rawGradient = new double[n];
      this.trialEta = new double[n];
      this.trialGradient = new double[n];
    }

    /** Evaluates phi and its gradient at eta; returns +infinity where undefined. Sets logLikelihood. */
    private double evaluate(double[] eta, double[] gradient) {
      double penaltyTerm = 0.0;
      for (int j = 0; j < n; j++) {
        if (!(Math.abs(eta[j]) <= ETA_LIMIT)) {
          return Double.POSITIVE_INFINITY;
        }
        theta[j] = Math.exp(eta[j]);
        penaltyTerm += theta[j] * theta[j];
      }
      double ll = f.value(theta, rawGradient);
      if (!(ll > Double.NEGATIVE_INFINITY && ll < Double.POSITIVE_INFINITY)) {
        return Double.POSITIVE_INFINITY;
      }
      double penalty = options.penalty();
      for (int j = 0; j < n; j++) {
        double g = -theta[j] * rawGradient[j] * scale + 2.0 * penalty * theta[j] * theta[j];
        if (!(Math.abs(g) < Double.POSITIVE_INFINITY)) {
          return Double.POSITIVE_INFINITY;
        }
        gradient[j] = g;
      }
      logLikelihood = ll;
      return -ll * scale + penalty * penaltyTerm;
    }

    private static double dot(double[] u, double[] v) {
      double s = 0.0;
      for (int j = 0; j < u.length; j++) {
        s += u[j] * v[j];
      }
      return s;
    }

    private static double maxAbs(double[] u) {
      double m = 0.0;
      for (double v : u) {
        m = Math.max(m, Math.abs(v));
      }
      return m;
    }

    Optimum minimize(double[] start) {
      double[] eta = new double[n];
      for (int j = 0; j < n; j++) {
        eta[j] = Math.log(start[j]);
      }
      double[] gradient = new double[n];
      double value = evaluate(eta, gradient);
      if (value == Double.POSITIVE_INFINITY) {
        return null;
      }
      double currentLl = logLikelihood;
      double[] h = new double[n * n];
      resetInverseHessian(h);
      double[] direction = new double[n];
      double[] s = new double[n];
      double[] y = new double[n];
      double[] hy = new double[n];
      boolean fresh = true;
      int iteration = 0;
      String message = "reached the maximum of " + options.maxIterations() + " iterations";
      boolean converged = false;
      double gradientNorm = maxAbs(gradient);
      while (true) {
        if (gradientNorm <= options.gradientTolerance()) {
          converged = true;
          message = "converged: gradient below " + options.gradientTolerance();
          break;
        }
        if (iteration >= options.maxIterations()) {
          break;
        }
        iteration++;
        for (int i = 0; i < n; i++) {
          double d = 0.0;
          for (int j = 0; j < n; j++) {
            d -= h[i * n + j] * gradient[j];
          }
          direction[i] = d;
        }
        double slope = dot(direction, gradient);
        if (!(slope < 0.0)) {
          // not a descent direction: restart from steepest descent
          resetInverseHessian(h);
          fresh = true;
          for (int i = 0; i < n; i++) {
            direction[i] = -gradient[i];
          }
          slope = dot(direction, gradient);
        }
        if (-slope <= ROUNDING * Math.abs(value) && gradientNorm <= NEAR_TOLERANCE * options.gradientTolerance()) {
          // the decrease a step could bring is below the rounding of the objective: nothing left to find
          converged = true;
          message = "converged: at the rounding level of the objective, gradient " + gradientNorm;
          break;
        }
        double longest = maxAbs(direction);
        double maxAlpha = longest > MAX_STEP ? MAX_STEP / longest : 1.0;
        double initial = fresh ? Math.min(maxAlpha, 1.0 / Math.max(1.0, longest)) : Math.min(1.0, maxAlpha);
        double alpha = lineSearch(eta, value, gradient, direction, slope, initial, maxAlpha * 4.0);
        if (alpha <= 0.0) {
          if (gradientNorm <= NEAR_TOLERANCE * options.gradientTolerance()) {
            // within rounding of the optimum: further line searches only spend evaluations
            converged = true;
            message = "converged: the line search made no further progress at gradient " + gradientNorm;
            break;
          }
          if (!fresh) {
            resetInverseHessian(h);
            fresh = true;
            continue;
          }
          converged = gradientNorm <= STALL_TOLERANCE;
          message = (converged ? "converged: " : "not converged: ")
              + "the line search made no further progress at gradient " + gradientNorm;
          break;
        }
        // accept the trial point left in trialEta / trialGradient by the line search
        for (int j = 0; j < n; j++) {
          s[j] = trialEta[j] - eta[j];
          y[j] = trialGradient[j] - gradient[j];
          eta[j] = trialEta[j];
          gradient[j] = trialGradient[j];
        }
        double previous = value;
        value = acceptedValue;
        currentLl = acceptedLl;
        gradientNorm = maxAbs(gradient);
        double sy = dot(s, y);
        if (sy > 1e-300) {
          if (fresh) {
            double yy = dot(y, y);
            double gamma = sy / yy;
            for (int i = 0; i < n * n; i++) {
              h[i] *= gamma;
            }
          }
          // BFGS update of the inverse Hessian: H = (I - rho s y') H (I - rho y s') + rho s s'
          double rho = 1.0 / sy;
          for (int i = 0; i < n; i++) {
            double v = 0.0;
            for (int j = 0; j < n; j++) {
              v += h[i * n + j] * y[j];
            }
            hy[i] = v;
          }
          double yhy = dot(y, hy);
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
            }
          }
          fresh = false;
        }
        if (previous - value <= 1e-16 * Math.abs(value) && gradientNorm <= STALL_TOLERANCE) {
          converged = true;
          message = "converged: no further decrease at gradient " + gradientNorm;
          break;
        }
      }
      phi = value;
      double[] result = new double[n];
      for (int j = 0; j < n; j++) {
        result[j] = Math.exp(eta[j]);
      }
      return new Optimum(result, currentLl, iteration, gradientNorm, converged, message);
    }

    private double acceptedValue;
    private double acceptedLl;

    private void resetInverseHessian(double[] h) {
      Arrays.fill(h, 0.0);
      for (int i = 0; i < n; i++) {
        h[i * n + i] = 1.0;
      }
    }

    /** phi at eta + a d into trialEta / trialGradient; returns the value (+infinity where undefined). */
    private double trial(double[] eta, double[] d, double a) {
      for (int j = 0; j < n; j++) {
        trialEta[j] = eta[j] + a * d[j];
      }
      return evaluate(trialEta, trialGradient);
    }

    /**
     * Strong-Wolfe line search; returns the accepted step (trialEta, trialGradient, acceptedValue hold the point), or
     * 0 when no acceptable step was found.
     */
    private double lineSearch(double[] eta, double f0, double[] g0, double[] d, double slope0, double initial,
        double maxAlpha) {
      double previousAlpha = 0.0;
      double previousValue = f0;
      double previousSlope = slope0;
      double alpha = initial;
      for (int evaluations = 0; evaluations < LINE_SEARCH_EVALUATIONS; evaluations++) {
        double value = trial(eta, d, alpha);
        if (value == Double.POSITIVE_INFINITY) {
          // undefined: step back towards the last good point
          alpha = previousAlpha + 0.25 * (alpha - previousAlpha);
          if (alpha - previousAlpha < 1e-14 * Math.max(1.0, previousAlpha)) {
            return accept(eta, d, previousAlpha, f0);
          }
          continue;
        }
        if (value > f0 + C1 * alpha * slope0 || (evaluations > 0 && value >= previousValue)) {
          return zoom(eta, f0, slope0, d, previousAlpha, previousValue, previousSlope, alpha, value);
        }
        double slope = dot(trialGradient, d);
        if (Math.abs(slope) <= -C2 * slope0) {
          acceptedValue = value;
          acceptedLl = logLikelihood;
          return alpha;
        }
        if (slope >= 0.0) {
          return zoom(eta, f0, slope0, d, alpha, value, slope, previousAlpha, previousValue);
        }
        if (alpha >= maxAlpha) {
          acceptedValue = value;
          acceptedLl = logLikelihood;
          return alpha;
        }
        previousAlpha = alpha;
        previousValue = value;
        previousSlope = slope;
        alpha = Math.min(2.0 * alpha, maxAlpha);
      }
      return accept(eta, d, previousAlpha, f0);
    }

    /** Re-evaluates and accepts a step that decreased phi, or reports failure (0). */
    private double accept(double[] eta, double[] d, double alpha, double f0) {
      if (alpha <= 0.0) {
        return 0.0;
      }
      double value = trial(eta, d, alpha);
      if (value < f0) {
        acceptedValue = value;
        acceptedLl = logLikelihood;
        return alpha;
      }
      return 0.0;
    }

    private double zoom(double[] eta, double f0, double slope0, double[] d, double lo, double fLo, double slopeLo,
        double hi, double fHi) {
      for (int evaluations = 0; evaluations < LINE_SEARCH_EVALUATIONS; evaluations++) {
        double width = hi - lo;
        double alpha;
        // quadratic through (lo, fLo, slopeLo) and (hi, fHi), safeguarded into the middle 80% of the interval
        double denominator = 2.0 * (fHi - fLo - slopeLo * width);
        if (fHi < Double.POSITIVE_INFINITY && denominator > 0.0) {
          alpha = lo - slopeLo * width * width / denominator;
        } else {
          alpha = lo + 0.5 * width;
        }
        double low = Math.min(lo, hi) + 0.1 * Math.abs(width);
        double high = Math.max(lo, hi) - 0.1 * Math.abs(width);
        if (!(alpha >= low && alpha <= high)) {
          alpha = lo + 0.5 * width;
        }
        if (Math.abs(width) < 1e-14 * Math.max(1.0, Math.abs(lo))) {
          break;
        }
        double value = trial(eta, d, alpha);
        if (value > f0 + C1 * alpha * slope0 || value >= fLo) {
          hi = alpha;
          fHi = value;
        } else {
          double slope = dot(trialGradient, d);
          if (Math.abs(slope) <= -C2 * slope0) {
            acceptedValue = value;
            acceptedLl = logLikelihood;
            return alpha;
          }
          if (slope * (hi - lo) >= 0.0) {
            hi = lo;
            fHi = fLo;
          }
          lo = alpha;
          fLo = value;
          slopeLo = slope;
        }
      }
      // no strong-Wolfe point: take the best point found if it decreased phi
      return fLo < f0 ? accept(eta, d, lo, f0) : 0.0;
    }
  }
}
