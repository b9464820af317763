package io.github.crmkit.scoring.clv;

import java.util.Arrays;
import java.util.Objects;

/**
 * Validation of a purchase model on a holdout period: each customer's conditional expected purchases over the holdout
 * (given the calibration history) against the purchases actually made, by calibration frequency (bins
 * {@code 0, 1, ..., maxFrequency-1} and {@code maxFrequency+}, as in Fader, Hardie and Lee 2005, figure 4) and at
 * customer level (mean absolute error, root mean squared error, Pearson correlation); and
 * {@link #tracking(PurchaseModel, double[], double[], double[]) tracking}: expected against actual cumulative and
 * incremental repeat purchases of a cohort by period (their figure 2).
 *
 * <p>Immutable and thread-safe; the arrays it returns are copies.
 */
public final class HoldoutValidation {
  private final double[] predicted;
  private final int[] actual;
  private final int maxFrequency;
  private final double[] customersByBin;
  private final double[] predictedByBin;
  private final double[] actualByBin;
  private final double predictedTotal;
  private final double actualTotal;
  private final double meanAbsoluteError;
  private final double rootMeanSquaredError;
  private final double correlation;

  private HoldoutValidation(double[] predicted, int[] actual, int[] x, int maxFrequency) {
    this.predicted = predicted;
    this.actual = actual;
    this.maxFrequency = maxFrequency;
    int bins = maxFrequency + 1;
    customersByBin = new double[bins];
    predictedByBin = new double[bins];
    actualByBin = new double[bins];
    double p = 0.0;
    double a = 0.0;
    double absolute = 0.0;
    double squared = 0.0;
    int n = predicted.length;
    for (int i = 0; i < n; i++) {
      int bin = Math.min(x[i], maxFrequency);
      customersByBin[bin]++;
      predictedByBin[bin] += predicted[i];
      actualByBin[bin] += actual[i];
      p += predicted[i];
      a += actual[i];
      double error = predicted[i] - actual[i];
      absolute += Math.abs(error);
      squared += error * error;
    }
    predictedTotal = p;
    actualTotal = a;
    meanAbsoluteError = n == 0 ? Double.NaN : absolute / n;
    rootMeanSquaredError = n == 0 ? Double.NaN : Math.sqrt(squared / n);
    double meanP = p / n;
    double meanA = a / n;
    double spp = 0.0;
    double saa = 0.0;
    double spa = 0.0;
    for (int i = 0; i < n; i++) {
      double dp = predicted[i] - meanP;
      double da = actual[i] - meanA;
      spp += dp * dp;
      saa += da * da;
      spa += dp * da;
    }
    correlation = spp > 0.0 && saa > 0.0 ? spa / Math.sqrt(spp * saa) : Double.NaN;
  }

  /**
   * Validates a model on a holdout of the same length for every customer, with bins {@code 0..6} and {@code 7+}.
   *
   * @param model the purchase model fitted on the calibration period
   * @param x the calibration repeat purchases per customer
   * @param tx the calibration recency per customer
   * @param age the calibration age T per customer
   * @param holdoutPurchases the purchases each customer made in the holdout
   * @param holdoutLength the length of the holdout, in the model's time unit
   * @return the validation
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static HoldoutValidation of(PurchaseModel model, int[] x, double[] tx, double[] age,
      int[] holdoutPurchases, double holdoutLength) {
    double[] lengths = new double[x.length];
    Arrays.fill(lengths, holdoutLength);
    return of(model, x, tx, age, holdoutPurchases, lengths, 7);
  }

  /**
   * Validates a model on holdouts of per-customer lengths.
   *
   * @param model the purchase model fitted on the calibration period
   * @param x the calibration repeat purchases per customer
   * @param tx the calibration recency per customer
   * @param age the calibration age T per customer
   * @param holdoutPurchases the purchases each customer made in the holdout, {@code >= 0}
   * @param holdoutLengths the length of each customer's holdout, finite and {@code >= 0}
   * @param maxFrequency the last frequency bin, which holds every {@code x >= maxFrequency}; {@code >= 0}
   * @return the validation
   * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
   */
  public static HoldoutValidation of(PurchaseModel model, int[] x, double[] tx, double[] age,
      int[] holdoutPurchases, double[] holdoutLengths, int maxFrequency) {
    Objects.requireNonNull(model, "model");
    int n = x.length;
    if (tx.length != n || age.length != n || holdoutPurchases.length != n || holdoutLengths.length != n) {
      throw new IllegalArgumentException("columns must have the same length, were x " + n + ", tx " + tx.length
          + ", age " + age.length + ", holdoutPurchases " + holdoutPurchases.length + ", holdoutLengths "
          + holdoutLengths.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("no customers to validate");
    }
    if (maxFrequency < 0) {
      throw new IllegalArgumentException("maxFrequency must be >= 0, was " + maxFrequency);
    }
    double[] predicted = new double[n];
    for (int i = 0; i < n; i++) {
      if (holdoutPurchases[i] < 0) {
        throw new IllegalArgumentException("holdoutPurchases[" + i + "] must be >= 0, was " + holdoutPurchases[i]);
      }
      if (!(holdoutLengths[i] >= 0.0 && holdoutLengths[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("holdoutLengths[" + i + "] must be finite and >= 0, was "
            + holdoutLengths[i]);
      }
      RepeatPurchaseColumns.check(i, x[i], tx[i], age[i], 1.0);
      predicted[i] = model.conditionalExpectedPurchases(holdoutLengths[i], x[i], tx[i], age[i]);
    }
    return new HoldoutValidation(predicted, holdoutPurchases.clone(), x, maxFrequency);
  }

  /**
   * Validates predictions made elsewhere, for example by a discrete-time model ({@link BgBbModel}'s conditional
   * expected purchases over the holdout opportunities): the same bins and customer-level measures as
   * {@link #of(PurchaseModel, int[], double[], double[], int[], double[], int)}.
   *
   * @param predicted each customer's expected holdout purchases, finite and {@code >= 0}
   * @param holdoutPurchases the purchases each customer made in the holdout, {@code >= 0}
   * @param x the calibration repeat purchases per customer, {@code >= 0}
   * @param maxFrequency the last frequency bin, which holds every {@code x >= maxFrequency}; {@code >= 0}
   * @return the validation
   * @throws IllegalArgumentException if the arrays differ in length or are empty, or a value is out of range (naming
   *     the array and index)
   */
  public static HoldoutValidation ofPredictions(double[] predicted, int[] holdoutPurchases, int[] x,
      int maxFrequency) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(holdoutPurchases, "holdoutPurchases");
    Objects.requireNonNull(x, "x");
    int n = predicted.length;
    if (holdoutPurchases.length != n || x.length != n) {
      throw new IllegalArgumentException("columns must have the same length, were predicted " + n
          + ", holdoutPurchases " + holdoutPurchases.length + ", x " + x.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("no customers to validate");
    }
    if (maxFrequency < 0) {
      throw new IllegalArgumentException("maxFrequency must be >= 0, was " + maxFrequency);
    }
    for (int i = 0; i < n; i++) {
      if (!(predicted[i] >= 0.0 && predicted[i] < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("predicted[" + i + "] must be finite and >= 0, was " + predicted[i]);
      }
      if (holdoutPurchases[i] < 0) {
        throw new IllegalArgumentException("holdoutPurchases[" + i + "] must be >= 0, was " + holdoutPurchases[i]);
      }
      if (x[i] < 0) {
        throw new IllegalArgumentException("x[" + i + "] must be >= 0, was " + x[i]);
      }
    }
    return new HoldoutValidation(predicted.clone(), holdoutPurchases.clone(), x.clone(), maxFrequency);
  }

  /**
   * The last frequency bin (which holds every larger frequency).
   *
   * @return the last bin
   */
  public int maxFrequency() {
    return maxFrequency;
  }

  /**
   * The customers per calibration-frequency bin {@code 0 .. maxFrequency}.
   *
   * @return a copy
   */
  public double[] customersByFrequency() {
    return customersByBin.clone();
  }

  /**
   * The mean expected holdout purchases per customer, by calibration-frequency bin (NaN for an empty bin).
   *
   * @return a copy
   */
  public double[] predictedByFrequency() {
    return means(predictedByBin);
  }

  /**
   * The mean actual holdout purchases per customer, by calibration-frequency bin (NaN for an empty bin).
   *
   * @return a copy
   */
  public double[] actualByFrequency() {
    return means(actualByBin);
  }

  private double[] means(double[] sums) {
    double[] means = new double[sums.length];
    for (int b = 0; b < sums.length; b++) {
      means[b] = customersByBin[b] == 0.0 ? Double.NaN : sums[b] / customersByBin[b];
    }
    return means;
  }

  /**
   * The expected holdout purchases per customer, in input order.
   *
   * @return a copy
   */
  public double[] predicted() {
    return predicted.clone();
  }

  /**
   * The total expected holdout purchases.
   *
   * @return the sum of the predictions
   */
  public double predictedTotal() {
    return predictedTotal;
  }

  /**
   * The total actual holdout purchases.
   *
   * @return the sum of the actual purchases
   */
  public double actualTotal() {
    return actualTotal;
  }

  /**
   * The mean absolute error per customer.
   *
   * @return mean |predicted - actual|
   */
  public double meanAbsoluteError() {
    return meanAbsoluteError;
  }

  /**
   * The root mean squared error per customer.
   *
   * @return sqrt(mean (predicted - actual)^2)
   */
  public double rootMeanSquaredError() {
    return rootMeanSquaredError;
  }

  /**
   * The Pearson correlation of predicted and actual holdout purchases over customers.
   *
   * @return the correlation, NaN when either side is constant
   */
  public double correlation() {
    return correlation;
  }

  /**
   * Expected against actual repeat purchases of a cohort by period. Immutable and thread-safe: the arrays are copied
   * in and out.
   *
   * @param predictedCumulative expected cumulative repeat purchases at the end of each period
   * @param predictedIncremental expected repeat purchases in each period
   * @param actualCumulative actual cumulative repeat purchases (NaN where not given)
   * @param actualIncremental actual repeat purchases in each period (NaN where not given)
   */
  public record Tracking(double[] predictedCumulative, double[] predictedIncremental, double[] actualCumulative,
      double[] actualIncremental) {
    /** Copies the arrays, which must have the same length. */
    public Tracking {
      int n = predictedCumulative.length;
      if (predictedIncremental.length != n || actualCumulative.length != n || actualIncremental.length != n) {
        throw new IllegalArgumentException("tracking arrays must have the same length");
      }
      predictedCumulative = predictedCumulative.clone();
      predictedIncremental = predictedIncremental.clone();
      actualCumulative = actualCumulative.clone();
      actualIncremental = actualIncremental.clone();
    }

    /**
     * The expected cumulative repeat purchases by period.
     *
     * @return a copy
     */
    @Override
    public double[] predictedCumulative() {
      return predictedCumulative.clone();
    }

    /**
     * The expected repeat purchases in each period.
     *
     * @return a copy
     */
    @Override
    public double[] predictedIncremental() {
      return predictedIncremental.clone();
    }

    /**
     * The actual cumulative repeat purchases by period.
     *
     * @return a copy
     */
    @Override
    public double[] actualCumulative() {
      return actualCumulative.clone();
    }

    /**
     * The actual repeat purchases in each period.
     *
     * @return a copy
     */
    @Override
    public double[] actualIncremental() {
      return actualIncremental.clone();
    }

    /**
     * The mean absolute percentage error of the expected cumulative purchases over the periods where the actual
     * cumulative is positive.
     *
     * @return the error, as a fraction; NaN where no actual figure is positive
     */
    public double cumulativeMeanAbsolutePercentageError() {
      double sum = 0.0;
      int count = 0;
      for (int k = 0; k < predictedCumulative.length; k++) {
        if (actualCumulative[k] > 0.0) {
          sum += Math.abs(predictedCumulative[k] - actualCumulative[k]) / actualCumulative[k];
          count++;
        }
      }
      return count == 0 ? Double.NaN : sum / count;
    }
  }

  /**
   * Tracking of a cohort: the expected cumulative repeat purchases at each period end are
   * {@code sum_i E[X(end - firstPurchase_i)]} over the customers acquired before it (Fader, Hardie and Lee 2005,
   * figure 2), and the incremental ones their differences.
   *
   * @param model the purchase model
   * @param firstPurchaseTimes each customer's first purchase, on the time axis of {@code periodEnds}
   * @param periodEnds the ends of the periods, increasing
   * @param actualCumulative the actual cumulative repeat purchases at each period end, or null
   * @return the tracking
   * @throws IllegalArgumentException if the period ends do not increase, a time is not finite or the actual figures
   *     do not match the periods
   */
  public static Tracking tracking(PurchaseModel model, double[] firstPurchaseTimes, double[] periodEnds,
      double[] actualCumulative) {
    Objects.requireNonNull(model, "model");
    int periods = periodEnds.length;
    if (actualCumulative != null && actualCumulative.length != periods) {
      throw new IllegalArgumentException("actualCumulative must have one value per period, " + periods + ", had "
          + actualCumulative.length);
    }
    for (int k = 0; k < periods; k++) {
      if (!Double.isFinite(periodEnds[k]) || (k > 0 && !(periodEnds[k] > periodEnds[k - 1]))) {
        throw new IllegalArgumentException("periodEnds must be finite and increasing, periodEnds[" + k + "] was "
            + periodEnds[k]);
      }
    }
    // customers acquired at the same time share their expectations: sort and count distinct first-purchase times
    double[] births = firstPurchaseTimes.clone();
    for (int i = 0; i < births.length; i++) {
      if (!Double.isFinite(births[i])) {
        throw new IllegalArgumentException("firstPurchaseTimes[" + i + "] must be finite, was " + births[i]);
      }
    }
    Arrays.sort(births);
    double[] cumulative = new double[periods];
    int i = 0;
    while (i < births.length) {
      int j = i;
      while (j < births.length && births[j] == births[i]) {
        j++;
      }
      int count = j - i;
      for (int k = 0; k < periods; k++) {
        double t = periodEnds[k] - births[i];
        if (t > 0.0) {
          cumulative[k] += count * model.expectedPurchases(t);
        }
      }
      i = j;
    }
    double[] incremental = differences(cumulative);
    double[] actual = new double[periods];
    double[] actualIncrements;
    if (actualCumulative == null) {
      Arrays.fill(actual, Double.NaN);
      actualIncrements = actual.clone();
    } else {
      System.arraycopy(actualCumulative, 0, actual, 0, periods);
      actualIncrements = differences(actual);
    }
    return new Tracking(cumulative, incremental, actual, actualIncrements);
  }

  private static double[] differences(double[] cumulative) {
    double[] incremental = new double[cumulative.length];
    double previous = 0.0;
    for (int k = 0; k < cumulative.length; k++) {
      incremental[k] = cumulative[k] - previous;
      previous = cumulative[k];
    }
    return incremental;
  }
}
