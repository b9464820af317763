package io.github.crmkit.testkit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deterministic, streaming synthetic purchase data set whose customers follow a known buying, dropout and spend
 * process, so that customer-base models (BG/NBD, Pareto/NBD, Gamma-Gamma) can be tested for parameter recovery.
 *
 * <p>Each customer makes a first purchase at a uniform time within the acquisition window
 * {@code [start, start + acquisitionDays)}, then repeat purchases according to the {@link BuyingProcess} (exponential
 * inter-purchase times in time units of {@code daysPerTimeUnit} days) until dropout or the end of the observation
 * window {@code [start, start + observationDays)}. Every sale, the first purchase included, is worth a value drawn
 * from the {@link SpendProcess}, rounded to cents. With probability {@code returnProbability} a sale is fully returned
 * a uniform 1 to 30 days later; a return that would fall after the window is not emitted (it lies beyond the
 * observation, as in real data). Times are whole epoch seconds (the exact times floored). A transaction's serial is
 * {@code ((long) customer << 32) | k}, where {@code k} counts the customer's earlier transactions, so serials are
 * unique, increase in stream order and do not depend on other customers.
 *
 * <pre>{@code
 * SyntheticPurchases data = SyntheticPurchases.builder()
 *     .seed(42)
 *     .customers(20_000)
 *     .buyingProcess(BuyingProcess.bgNbd(0.243, 4.414, 0.793, 2.426))
 *     .build();
 * data.forEach((customer, serial, originalSerial, epochSecond, cents, isReturn) -> ...);
 * CustomerTruth truth = data.truth(17); // what customer 17 really was
 * }</pre>
 *
 * <p>Determinism: the same settings give the same transactions, bit for bit, on any thread. Draws use only
 * {@link java.util.SplittableRandom#nextLong()} and {@link java.util.SplittableRandom#split()} (whose algorithm has not
 * changed since Java 8), {@link StrictMath} and IEEE arithmetic, so they are also the same on every platform and on
 * every JVM that keeps that algorithm. Customer {@code i}'s transactions
 * depend only on the settings and {@code i}, not on the number of customers or on the other customers, so customer
 * ranges can be generated independently ({@link #cursor(int, int)}, {@link #forEach(int, int, PurchaseSink)}) and in
 * parallel. Changing only the spend process or the return probability leaves the sale times unchanged; changing only
 * the return probability also leaves the sale values unchanged.
 *
 * <p>Streaming needs constant memory: ten million transactions need no more heap than a thousand.
 *
 * <p>Immutable and thread-safe; each cursor it hands out is for one thread.
 */
public final class SyntheticPurchases {

  /** Seconds in a day. */
  static final long SECONDS_PER_DAY = 86_400L;

  private static final long DEFAULT_START_EPOCH_DAY = LocalDate.of(2024, 1, 1).toEpochDay();
  private static final int DEFAULT_ACQUISITION_DAYS = 84;
  private static final int DEFAULT_OBSERVATION_DAYS = 546;
  private static final double DEFAULT_DAYS_PER_TIME_UNIT = 7.0;
  private static final SpendProcess DEFAULT_SPEND_PROCESS = SpendProcess.gammaGamma(6.25, 3.74, 15.44);

  private final long seed;
  private final int customers;
  private final long startEpochDay;
  private final int acquisitionDays;
  private final int observationDays;
  private final double daysPerTimeUnit;
  private final BuyingProcess buyingProcess;
  private final SpendProcess spendProcess;
  private final double returnProbability;

  private SyntheticPurchases(Builder builder) {
    this.seed = builder.seed;
    this.customers = builder.customers;
    this.startEpochDay = builder.startEpochDay;
    this.acquisitionDays = builder.acquisitionDays;
    this.observationDays = builder.observationDays;
    this.daysPerTimeUnit = builder.daysPerTimeUnit;
    this.buyingProcess = builder.buyingProcess;
    this.spendProcess = builder.spendProcess;
    this.returnProbability = builder.returnProbability;
  }

  /**
   * Returns a new builder with the defaults: seed 0, 1 customer, start 2024-01-01, 84 acquisition days, 546
   * observation days (78 weeks), 7 days per time unit, the CDNOW Gamma-Gamma spend process
   * {@code gammaGamma(6.25, 3.74, 15.44)}, no returns, and no buying process (which must be set).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a new builder holding this data set's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .seed(seed)
        .customers(customers)
        .startEpochDay(startEpochDay)
        .acquisitionDays(acquisitionDays)
        .observationDays(observationDays)
        .daysPerTimeUnit(daysPerTimeUnit)
        .buyingProcess(buyingProcess)
        .spendProcess(spendProcess)
        .returnProbability(returnProbability);
  }

  /**
   * Streams every transaction to {@code sink}, ordered by customer index, then by time (a sale before a return at the
   * same second, returns at the same second by the serial of the returned sale). Allocates nothing per transaction and
   * needs constant memory.
   *
   * @param sink receives the transactions, on the calling thread
   * @throws NullPointerException if {@code sink} is null
   */
  public void forEach(PurchaseSink sink) {
    forEach(0, customers, sink);
  }

  /**
   * Streams the transactions of customers {@code fromCustomer} (inclusive) to {@code toCustomer} (exclusive) to
   * {@code sink}, exactly as {@link #forEach(PurchaseSink)} streams them.
   *
   * @param fromCustomer the first customer, in {@code [0, customers()]}
   * @param toCustomer the end of the range, in {@code [fromCustomer, customers()]}
   * @param sink receives the transactions, on the calling thread
   * @throws IllegalArgumentException if the range is not within {@code [0, customers()]}
   * @throws NullPointerException if {@code sink} is null
   */
  public void forEach(int fromCustomer, int toCustomer, PurchaseSink sink) {
    Objects.requireNonNull(sink, "sink");
    cursor(fromCustomer, toCustomer).drainTo(sink);
  }

  /**
   * Returns a new cursor over every transaction, in the order of {@link #forEach(PurchaseSink)}.
   *
   * @return a new cursor, positioned before the first transaction
   */
  public PurchaseCursor cursor() {
    return cursor(0, customers);
  }

  /**
   * Returns a new cursor over the transactions of customers {@code fromCustomer} (inclusive) to {@code toCustomer}
   * (exclusive), in the order of {@link #forEach(PurchaseSink)}.
   *
   * @param fromCustomer the first customer, in {@code [0, customers()]}
   * @param toCustomer the end of the range, in {@code [fromCustomer, customers()]}
   * @return a new cursor, positioned before the first transaction of the range
   * @throws IllegalArgumentException if the range is not within {@code [0, customers()]}
   */
  public PurchaseCursor cursor(int fromCustomer, int toCustomer) {
    if (fromCustomer < 0 || fromCustomer > toCustomer || toCustomer > customers) {
      throw new IllegalArgumentException(
          "customer range must be within [0, " + customers + "], was [" + fromCustomer + ", " + toCustomer + ")");
    }
    return new PurchaseCursor(this, fromCustomer, toCustomer);
  }

  /**
   * Returns the latent values drawn for a customer and the summary of the customer's sales, consistent with what
   * {@link #forEach(PurchaseSink)} emits. Costs a simulation of the customer's purchase times.
   *
   * @param customer the customer index, in {@code [0, customers())}
   * @return the customer's truth
   * @throws IllegalArgumentException if {@code customer} is out of range
   */
  public CustomerTruth truth(int customer) {
    if (customer < 0 || customer >= customers) {
      throw new IllegalArgumentException(
          "customer must be in [0, " + customers + "), was " + customer);
    }
    CustomerSimulation simulation = new CustomerSimulation(this);
    simulation.start(customer);
    return simulation.truth();
  }

  /**
   * Returns the number of customers.
   *
   * @return the number of customers, {@code >= 1}
   */
  public int customers() {
    return customers;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the first day of the windows, as a count of days since 1970-01-01.
   *
   * @return the start epoch day
   */
  public long startEpochDay() {
    return startEpochDay;
  }

  /**
   * Returns the start of the windows in epoch seconds: {@code startEpochDay() * 86400}.
   *
   * @return the first epoch second of the observation window
   */
  public long startEpochSecond() {
    return startEpochDay * SECONDS_PER_DAY;
  }

  /**
   * Returns the end of the observation window in epoch seconds, exclusive:
   * {@code (startEpochDay() + observationDays()) * 86400}.
   *
   * @return the first epoch second after the observation window
   */
  public long endEpochSecond() {
    return (startEpochDay + observationDays) * SECONDS_PER_DAY;
  }

  /**
   * Returns the length of the acquisition window, over which first purchases are spread uniformly.
   *
   * @return the acquisition window in days, {@code >= 1}
   */
  public int acquisitionDays() {
    return acquisitionDays;
  }

  /**
   * Returns the length of the observation window, which starts with the acquisition window and contains every
   * transaction.
   *
   * @return the observation window in days, {@code >= acquisitionDays()}
   */
  public int observationDays() {
    return observationDays;
  }

  /**
   * Returns the length of the time unit in which the process parameters are expressed.
   *
   * @return days per time unit, positive
   */
  public double daysPerTimeUnit() {
    return daysPerTimeUnit;
  }

  /**
   * Returns the buying and dropout process.
   *
   * @return the buying process
   */
  public BuyingProcess buyingProcess() {
    return buyingProcess;
  }

  /**
   * Returns the spend process.
   *
   * @return the spend process
   */
  public SpendProcess spendProcess() {
    return spendProcess;
  }

  /**
   * Returns the probability that a sale is fully returned 1 to 30 days later.
   *
   * @return the return probability, in {@code [0, 1)}
   */
  public double returnProbability() {
    return returnProbability;
  }

  /**
   * Two data sets are equal when their settings are equal (and so are their transactions).
   *
   * @param other the object to compare with
   * @return whether {@code other} has the same settings
   */
  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof SyntheticPurchases that
            && seed == that.seed
            && customers == that.customers
            && startEpochDay == that.startEpochDay
            && acquisitionDays == that.acquisitionDays
            && observationDays == that.observationDays
            && Double.compare(daysPerTimeUnit, that.daysPerTimeUnit) == 0
            && buyingProcess.equals(that.buyingProcess)
            && spendProcess.equals(that.spendProcess)
            && Double.compare(returnProbability, that.returnProbability) == 0;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(
        seed,
        customers,
        startEpochDay,
        acquisitionDays,
        observationDays,
        daysPerTimeUnit,
        buyingProcess,
        spendProcess,
        returnProbability);
  }

  /**
   * Returns the settings.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "SyntheticPurchases{seed=" + seed
        + ", customers=" + customers
        + ", start=" + LocalDate.ofEpochDay(startEpochDay)
        + ", acquisitionDays=" + acquisitionDays
        + ", observationDays=" + observationDays
        + ", daysPerTimeUnit=" + daysPerTimeUnit
        + ", buyingProcess=" + buyingProcess
        + ", spendProcess=" + spendProcess
        + ", returnProbability=" + returnProbability
        + "}";
  }

  /**
   * Builds a {@link SyntheticPurchases}. Each setter checks its argument at once; {@link #build()} checks the
   * settings together.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private static final long MIN_EPOCH_DAY = LocalDate.MIN.toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.MAX.toEpochDay();

    private long seed;
    private int customers = 1;
    private long startEpochDay = DEFAULT_START_EPOCH_DAY;
    private int acquisitionDays = DEFAULT_ACQUISITION_DAYS;
    private int observationDays = DEFAULT_OBSERVATION_DAYS;
    private double daysPerTimeUnit = DEFAULT_DAYS_PER_TIME_UNIT;
    private BuyingProcess buyingProcess;
    private SpendProcess spendProcess = DEFAULT_SPEND_PROCESS;
    private double returnProbability;

    private Builder() {}

    /**
     * Sets the seed (default 0).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the number of customers (default 1).
     *
     * @param customers the number of customers, {@code >= 1}
     * @return this builder
     * @throws IllegalArgumentException if {@code customers < 1}
     */
    public Builder customers(int customers) {
      if (customers < 1) {
        throw new IllegalArgumentException("customers must be at least 1, was " + customers);
      }
      this.customers = customers;
      return this;
    }

    /**
     * Sets the first day of the windows as a count of days since 1970-01-01 (default 2024-01-01, epoch day 19723).
     *
     * @param startEpochDay an epoch day within the range of {@link LocalDate}
     * @return this builder
     * @throws IllegalArgumentException if {@code startEpochDay} is outside the range of {@link LocalDate}
     */
    public Builder startEpochDay(long startEpochDay) {
      if (startEpochDay < MIN_EPOCH_DAY || startEpochDay > MAX_EPOCH_DAY) {
        throw new IllegalArgumentException(
            "startEpochDay must be in [" + MIN_EPOCH_DAY + ", " + MAX_EPOCH_DAY + "], was " + startEpochDay);
      }
      this.startEpochDay = startEpochDay;
      return this;
    }

    /**
     * Sets the length of the acquisition window over which first purchases are spread uniformly (default 84 days).
     *
     * @param acquisitionDays the window in days, {@code >= 1} and at most the observation window
     * @return this builder
     * @throws IllegalArgumentException if {@code acquisitionDays < 1}
     */
    public Builder acquisitionDays(int acquisitionDays) {
      if (acquisitionDays < 1) {
        throw new IllegalArgumentException("acquisitionDays must be at least 1, was " + acquisitionDays);
      }
      this.acquisitionDays = acquisitionDays;
      return this;
    }

    /**
     * Sets the length of the observation window, which starts with the acquisition window and contains every
     * transaction (default 546 days, 78 weeks).
     *
     * @param observationDays the window in days, {@code >= 1} and at least the acquisition window
     * @return this builder
     * @throws IllegalArgumentException if {@code observationDays < 1}
     */
    public Builder observationDays(int observationDays) {
      if (observationDays < 1) {
        throw new IllegalArgumentException("observationDays must be at least 1, was " + observationDays);
      }
      this.observationDays = observationDays;
      return this;
    }

    /**
     * Sets how many days the time unit of the process parameters lasts (default 7: rates per week).
     *
     * @param daysPerTimeUnit days per time unit, positive and finite
     * @return this builder
     * @throws IllegalArgumentException if {@code daysPerTimeUnit} is not positive and finite
     */
    public Builder daysPerTimeUnit(double daysPerTimeUnit) {
      this.daysPerTimeUnit = BuyingProcess.positive("daysPerTimeUnit", daysPerTimeUnit);
      return this;
    }

    /**
     * Sets the buying and dropout process (required).
     *
     * @param buyingProcess the process
     * @return this builder
     * @throws NullPointerException if {@code buyingProcess} is null
     */
    public Builder buyingProcess(BuyingProcess buyingProcess) {
      this.buyingProcess = Objects.requireNonNull(buyingProcess, "buyingProcess");
      return this;
    }

    /**
     * Sets the spend process (default {@code SpendProcess.gammaGamma(6.25, 3.74, 15.44)}).
     *
     * @param spendProcess the process
     * @return this builder
     * @throws NullPointerException if {@code spendProcess} is null
     */
    public Builder spendProcess(SpendProcess spendProcess) {
      this.spendProcess = Objects.requireNonNull(spendProcess, "spendProcess");
      return this;
    }

    /**
     * Sets the probability that a sale is fully returned, a uniform 1 to 30 days later (default 0). A return that
     * would fall after the observation window is not emitted.
     *
     * @param returnProbability the probability, in {@code [0, 1)}
     * @return this builder
     * @throws IllegalArgumentException if {@code returnProbability} is not in {@code [0, 1)}
     */
    public Builder returnProbability(double returnProbability) {
      if (!(returnProbability >= 0.0 && returnProbability < 1.0)) {
        throw new IllegalArgumentException("returnProbability must be in [0, 1), was " + returnProbability);
      }
      this.returnProbability = returnProbability;
      return this;
    }

    /**
     * Builds the data set. Amounts are always rounded to cents.
     *
     * @return the data set
     * @throws IllegalStateException if no buying process was set, or the acquisition window is longer than the
     *     observation window
     */
    public SyntheticPurchases build() {
      if (buyingProcess == null) {
        throw new IllegalStateException("buyingProcess must be set");
      }
      if (acquisitionDays > observationDays) {
        throw new IllegalStateException(
            "acquisitionDays must not exceed observationDays, was "
                + acquisitionDays
                + " > "
                + observationDays);
      }
      return new SyntheticPurchases(this);
    }
  }
}
