package io.github.crmkit.scoring.clv;

import java.util.Objects;

/**
 * The Gamma-Gamma model of spend per transaction (Colombo and Jiang 1999, "A stochastic RFM model", Journal of
 * Interactive Marketing 13(3); Fader, Hardie and Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", JMR 42(4)): a customer's transaction values are {@code Gamma(p, nu)} around a customer-specific scale
 * {@code nu ~ Gamma(q, gamma)}, independent of the purchase process. Parameters {@code p, q, gamma} as in the papers.
 *
 * <p>Fitting uses the customers with at least one repeat purchase and the mean value {@code m} of their repeat
 * purchases; customers with {@code x = 0} carry no information on spend and are left out.
 * {@link #conditionalExpectedAverageSpend(int, double)} gives E[M | x, m] = {@code (p (gamma + x m)) / (p x + q - 1)},
 * a weighted mean of the population mean {@code p gamma / (q - 1)} and the customer's own mean.
 *
 * <p>Immutable and thread-safe.
 */
public final class GammaGammaModel {
  private final double p;
  private final double q;
  private final double gamma;

  private GammaGammaModel(double p, double q, double gamma) {
    this.p = positive("p", p);
    this.q = positive("q", q);
    this.gamma = positive("gamma", gamma);
  }

  private static double positive(String name, double value) {
    if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
    }
    return value;
  }

  /**
   * A model with the given parameters.
   *
   * @param p the shape of the transaction values' Gamma
   * @param q the shape of the scale's Gamma
   * @param gamma the rate of the scale's Gamma
   * @return the model
   * @throws IllegalArgumentException if a parameter is not positive and finite
   */
  public static GammaGammaModel of(double p, double q, double gamma) {
    return new GammaGammaModel(p, q, gamma);
  }

  /**
   * The model of a fit (or of parameters read from JSON).
   *
   * @param fitted a {@code gamma-gamma} fitted model
   * @return the model
   * @throws IllegalArgumentException if {@code fitted} is another model
   */
  public static GammaGammaModel of(FittedModel fitted) {
    if (!fitted.model().equals("gamma-gamma")) {
      throw new IllegalArgumentException("expected a gamma-gamma model, was " + fitted.model());
    }
    return new GammaGammaModel(fitted.parameter("p"), fitted.parameter("q"), fitted.parameter("gamma"));
  }

  /**
   * Fits the model with the default options, one customer per row.
   *
   * @param frequency the repeat purchases {@code x} per customer
   * @param meanSpend the mean value of the repeat purchases per customer (ignored where {@code x = 0})
   * @return the fit
   * @throws IllegalArgumentException as {@link #fit(int[], double[], double[], FitOptions)}
   */
  public static FittedModel fit(int[] frequency, double[] meanSpend) {
    return fit(frequency, meanSpend, null, FitOptions.defaults());
  }

  /**
   * Fits the model by maximum likelihood.
   *
   * @param frequency the repeat purchases {@code x} per customer, {@code >= 0}
   * @param meanSpend the mean value of the repeat purchases per customer, positive and finite where {@code x > 0}
   *     (ignored where {@code x = 0})
   * @param weights the number of customers each row stands for, positive and finite; null for 1 each
   * @param options penalty, iterations and tolerance
   * @return the fit; its {@code customers} counts the repeat customers used
   * @throws IllegalArgumentException if the columns differ in length, a row is invalid (naming column and row), or
   *     no customer has a repeat purchase, so that spend cannot be identified
   */
  public static FittedModel fit(int[] frequency, double[] meanSpend, double[] weights, FitOptions options) {
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(meanSpend, "meanSpend");
    Objects.requireNonNull(options, "options");
    int n = frequency.length;
    if (meanSpend.length != n || (weights != null && weights.length != n)) {
      throw new IllegalArgumentException("columns must have the same length, were frequency " + n + ", meanSpend "
          + meanSpend.length + (weights == null ? "" : ", weights " + weights.length));
    }
    double spendSum = 0.0;
    double count = 0.0;
    for (int i = 0; i < n; i++) {
      if (frequency[i] < 0) {
        throw new IllegalArgumentException("frequency[" + i + "] must be >= 0, was " + frequency[i]);
      }
      if (weights != null && !(weights[i] > 0.0 && weights[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("weights[" + i + "] must be positive and finite, was " + weights[i]);
      }
      if (frequency[i] > 0) {
        if (!(meanSpend[i] > 0.0 && meanSpend[i] < Double.POSITIVE_INFINITY)) {
          throw new IllegalArgumentException("meanSpend[" + i + "] must be positive and finite for a customer "
              + "with repeat purchases, was " + meanSpend[i]);
        }
        double w = weights == null ? 1.0 : weights[i];
        spendSum += w * meanSpend[i];
        count += w;
      }
    }
    if (count == 0.0) {
      throw new IllegalArgumentException("cannot fit gamma-gamma: no customer has a repeat purchase (frequency > 0),"
          + " so there is no mean repeat spend to fit");
    }
    double mean = spendSum / count;
    double[][] starts = {
        {1.0, 2.0, mean},
        {5.0, 3.0, 0.4 * mean},
    };
    return ModelFitting.fitUntilConverged("gamma-gamma", new GammaGammaLikelihood(frequency, meanSpend, weights),
        starts, options);
  }

  /**
   * The log-likelihood of the customers with repeat purchases at this model's parameters.
   *
   * @param frequency the repeat purchases per customer
   * @param meanSpend the mean repeat spend per customer (ignored where {@code x = 0})
   * @return the total log-likelihood
   */
  public double logLikelihood(int[] frequency, double[] meanSpend) {
    return new GammaGammaLikelihood(frequency, meanSpend, null).value(new double[] {p, q, gamma}, null);
  }

  /**
   * The parameter p.
   *
   * @return p
   */
  public double p() {
    return p;
  }

  /**
   * The parameter q.
   *
   * @return q
   */
  public double q() {
    return q;
  }

  /**
   * The parameter gamma.
   *
   * @return gamma
   */
  public double gamma() {
    return gamma;
  }

  /**
   * The expected spend per transaction of a customer with {@code x} repeat purchases of mean value {@code m}:
   * {@code p (gamma + x m) / (p x + q - 1)}; for {@code x = 0} the population mean {@code p gamma / (q - 1)}.
   *
   * @param x the repeat purchases, {@code >= 0}
   * @param meanSpend the mean repeat spend, finite and {@code >= 0} (ignored where {@code x = 0})
   * @return the expected average spend
   * @throws IllegalArgumentException if an argument is out of range
   * @throws IllegalStateException if the expectation does not exist ({@code p x + q <= 1}, for example
   *     {@code q <= 1} for a customer without repeat purchases)
   */
  public double conditionalExpectedAverageSpend(int x, double meanSpend) {
    if (x < 0) {
      throw new IllegalArgumentException("frequency x must be >= 0, was " + x);
    }
    double m = x == 0 ? 0.0 : meanSpend;
    if (!(m >= 0.0 && m < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("meanSpend must be finite and >= 0, was " + meanSpend);
    }
    double denominator = p * x + q - 1.0;
    if (!(denominator > 0.0)) {
      throw new IllegalStateException("expected spend does not exist for x = " + x + ": p x + q = " + (p * x + q)
          + " is not above 1");
    }
    return p * (gamma + x * m) / denominator;
  }

  /**
   * E[M | x, m] for many customers.
   *
   * @param frequency the repeat purchases per customer
   * @param meanSpend the mean repeat spend per customer
   * @param out receives one value per customer
   * @throws IllegalArgumentException if the arrays are too short or a value is out of range
   * @throws IllegalStateException as {@link #conditionalExpectedAverageSpend(int, double)}
   */
  public void conditionalExpectedAverageSpend(int[] frequency, double[] meanSpend, double[] out) {
    int n = frequency.length;
    if (meanSpend.length != n || out.length < n) {
      throw new IllegalArgumentException("meanSpend must have " + n + " values and out room for them, were "
          + meanSpend.length + " and " + out.length);
    }
    for (int i = 0; i < n; i++) {
      out[i] = conditionalExpectedAverageSpend(frequency[i], meanSpend[i]);
    }
  }

  /** Returns {@code gamma-gamma(p=..., q=..., gamma=...)}. */
  @Override
  public String toString() {
    return "gamma-gamma(p=" + p + ", q=" + q + ", gamma=" + gamma + ")";
  }
}
