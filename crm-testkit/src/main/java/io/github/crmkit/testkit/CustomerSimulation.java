package io.github.crmkit.testkit;

import java.util.SplittableRandom;

/**
 * The latent draws and the sale times of one synthetic customer at a time: the single place where the buying, dropout
 * and spend processes are simulated, shared by {@link PurchaseCursor} and {@link SyntheticPurchases#truth(int)} so
 * that the two cannot disagree.
 *
 * <p>Customer {@code i} gets a root {@link SplittableRandom} seeded with a 64-bit mix of the data set's seed and
 * {@code i}, so its draws depend on nothing else. The root is split, in this order, into independent streams for the
 * sale times, the sale values and the returns; the latent values are then drawn from the root (acquisition time,
 * {@code lambda}, then {@code p} and the dropout count for BG/NBD or {@code mu} and the lifetime for Pareto/NBD) and
 * {@code nu} is the first draw of the value stream. Separate streams keep, for example, the sale times unchanged when
 * only the return probability or the spend process changes.
 *
 * <p>Times are kept as doubles: {@code time} in time units since the first purchase, offsets in seconds since the
 * window start. An emitted offset is the floor of the exact one.
 *
 * <p>Not thread-safe: one instance per cursor or call; reusable across customers via {@link #start(int)}.
 */
final class CustomerSimulation {

  /** Marks "no further sale" in {@link #nextRepeatOffset()}. */
  static final long NO_SALE = Long.MAX_VALUE;

  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private final SyntheticPurchases config;
  private final BuyingProcess.Kind buyingKind;
  private final boolean gammaGammaSpend;
  private final double spendShape;
  private final long fixedCents;
  private final double observationSeconds;
  private final double secondsPerTimeUnit;
  private final long acquisitionSeconds;

  private SplittableRandom root;
  private SplittableRandom timing;
  private SplittableRandom values;
  private SplittableRandom returns;

  private int customer;
  private long firstOffset;
  private double lambda;
  private double dropoutProbability;
  private long dropoutCount;
  private double dropoutRate;
  private double lifetime;
  private double nu;

  private long repeats;
  private double time;
  private boolean finished;

  CustomerSimulation(SyntheticPurchases config) {
    this.config = config;
    this.buyingKind = config.buyingProcess().kind();
    SpendProcess spend = config.spendProcess();
    this.gammaGammaSpend = spend.kind() == SpendProcess.Kind.GAMMA_GAMMA;
    this.spendShape = gammaGammaSpend ? spend.p() : Double.NaN;
    this.fixedCents = gammaGammaSpend ? 0L : toCents(spend.amount());
    this.observationSeconds = config.observationDays() * (double) SyntheticPurchases.SECONDS_PER_DAY;
    this.secondsPerTimeUnit = config.daysPerTimeUnit() * SyntheticPurchases.SECONDS_PER_DAY;
    this.acquisitionSeconds = config.acquisitionDays() * SyntheticPurchases.SECONDS_PER_DAY;
  }

  /**
   * The seed of customer {@code customer}'s root generator: the SplitMix64 finalizer (Stafford's variant 13) applied
   * to the mixed data-set seed plus {@code customer} golden-ratio increments.
   */
  static long customerSeed(long seed, int customer) {
    return mix64(mix64(seed) + GOLDEN_GAMMA * (customer + 1L));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Rounds currency units to cents, half up, saturating; NaN gives 0. */
  static long toCents(double amount) {
    return Math.round(amount * 100.0);
  }

  /**
   * Starts customer {@code customer}: draws the latent values; the first sale is at {@link #firstOffset()}.
   *
   * @param customer the customer's index
   */
  void start(int customer) {
    this.customer = customer;
    root = new SplittableRandom(customerSeed(config.seed(), customer));
    timing = root.split();
    values = root.split();
    returns = root.split();

    firstOffset = (long) (Distributions.uniform(root) * acquisitionSeconds);
    BuyingProcess buying = config.buyingProcess();
    lambda = Distributions.gamma(root, buying.r(), buying.alpha());
    dropoutProbability = Double.NaN;
    dropoutCount = Long.MAX_VALUE;
    dropoutRate = Double.NaN;
    lifetime = Double.POSITIVE_INFINITY;
    switch (buyingKind) {
      case BG_NBD -> {
        dropoutProbability = Distributions.beta(root, buying.a(), buying.b());
        dropoutCount = Distributions.geometric(root, dropoutProbability);
      }
      case PARETO_NBD -> {
        dropoutRate = Distributions.gamma(root, buying.s(), buying.beta());
        lifetime = Distributions.exponential(root, dropoutRate);
      }
      case POISSON -> {
        // no dropout
      }
    }
    if (gammaGammaSpend) {
      SpendProcess spend = config.spendProcess();
      nu = Distributions.gamma(values, spend.q(), spend.gamma());
    } else {
      nu = Double.NaN;
    }
    repeats = 0;
    time = 0.0;
    finished = false;
  }

  /** The offset of the first sale from the window start, in whole seconds. */
  long firstOffset() {
    return firstOffset;
  }

  /**
   * Simulates the next repeat purchase.
   *
   * @return its offset from the window start in whole seconds, or {@link #NO_SALE} once the customer has dropped out
   *     or the next purchase would fall after the observation window
   */
  long nextRepeatOffset() {
    if (finished) {
      return NO_SALE;
    }
    if (repeats >= dropoutCount) {
      // BG/NBD: the customer dropped out right after the last repeat purchase, at `time`
      finished = true;
      return NO_SALE;
    }
    time += Distributions.exponential(timing, lambda);
    if (time >= lifetime) {
      finished = true;
      return NO_SALE;
    }
    double offset = firstOffset + time * secondsPerTimeUnit;
    if (!(offset < observationSeconds)) {
      finished = true;
      return NO_SALE;
    }
    repeats++;
    return (long) offset;
  }

  /** The value of the next sale in cents, from the value stream. */
  long nextAmountCents() {
    if (!gammaGammaSpend) {
      return fixedCents;
    }
    return toCents(Distributions.gamma(values, spendShape, nu));
  }

  /** The customer's stream for return decisions and delays. */
  SplittableRandom returns() {
    return returns;
  }

  /**
   * Runs the current customer to the end of the window and describes it. Uses {@link #nextRepeatOffset()}, so it
   * must be called right after {@link #start(int)} and not mixed with a cursor's use of the same instance.
   *
   * @return the truth
   */
  CustomerTruth truth() {
    long startSecond = config.startEpochSecond();
    long lastOffset = firstOffset;
    for (long offset = nextRepeatOffset(); offset != NO_SALE; offset = nextRepeatOffset()) {
      lastOffset = offset;
    }
    double dropoutTime;
    switch (buyingKind) {
      case BG_NBD -> {
        if (repeats >= dropoutCount) {
          dropoutTime = time;
        } else if (dropoutCount == Long.MAX_VALUE || lambda == 0.0) {
          dropoutTime = Double.POSITIVE_INFINITY;
        } else {
          // `time` is the arrival of repeat purchase number repeats + 1, after the window; by the memorylessness of
          // the Poisson process the purchase at which the customer drops out comes a Gamma(k, lambda) time later
          long remaining = dropoutCount - repeats - 1;
          SplittableRandom beyondWindow = root.split();
          dropoutTime = remaining == 0 ? time : time + Distributions.gamma(beyondWindow, remaining, lambda);
        }
      }
      case PARETO_NBD -> dropoutTime = lifetime;
      default -> dropoutTime = Double.POSITIVE_INFINITY;
    }
    SpendProcess spend = config.spendProcess();
    double meanSpend = gammaGammaSpend ? spend.p() / nu : spend.amount();
    return new CustomerTruth(
        customer,
        lambda,
        dropoutProbability,
        dropoutRate,
        dropoutTime * config.daysPerTimeUnit(),
        nu,
        meanSpend,
        startSecond + firstOffset,
        repeats,
        startSecond + lastOffset);
  }
}
