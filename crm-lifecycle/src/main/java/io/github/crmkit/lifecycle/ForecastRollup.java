package io.github.crmkit.lifecycle;

import java.util.List;

/**
 * Forecast totals of a set of {@link ForecastLine}s, by category: single (the lines of that category) and cumulative
 * (that category and every narrower one: pipeline includes best case includes commit includes closed; omitted is
 * never counted), as counts, amounts and weighted amounts (amount x probability).
 *
 * <p>Immutable and thread-safe.
 */
public final class ForecastRollup {
  private static final ForecastCategory[] CATEGORIES = ForecastCategory.values();

  private final int[] count = new int[CATEGORIES.length];
  private final double[] amount = new double[CATEGORIES.length];
  private final double[] weighted = new double[CATEGORIES.length];

  ForecastRollup() {}

  /**
   * Rolls lines up.
   *
   * @param lines the lines
   * @return the roll-up
   */
  public static ForecastRollup of(List<ForecastLine> lines) {
    ForecastRollup rollup = new ForecastRollup();
    for (ForecastLine line : lines) {
      rollup.add(line);
    }
    return rollup;
  }

  void add(ForecastLine line) {
    int c = line.category().ordinal();
    count[c]++;
    amount[c] += line.amount();
    weighted[c] += line.weighted();
  }

  /**
   * The number of lines of a category.
   *
   * @param category the category
   * @return the count
   */
  public int count(ForecastCategory category) {
    return count[category.ordinal()];
  }

  /**
   * The amount of the lines of a category.
   *
   * @param category the category
   * @return the amount
   */
  public double amount(ForecastCategory category) {
    return amount[category.ordinal()];
  }

  /**
   * The weighted amount of the lines of a category.
   *
   * @param category the category
   * @return the weighted amount
   */
  public double weighted(ForecastCategory category) {
    return weighted[category.ordinal()];
  }

  /**
   * The number of lines a cumulative roll-up of a category counts; 0 for omitted.
   *
   * @param category the category
   * @return the count
   */
  public int cumulativeCount(ForecastCategory category) {
    int total = 0;
    for (ForecastCategory item : CATEGORIES) {
      if (category.includes(item)) {
        total += count[item.ordinal()];
      }
    }
    return total;
  }

  /**
   * The cumulative amount of a category; 0 for omitted.
   *
   * @param category the category
   * @return the amount
   */
  public double cumulativeAmount(ForecastCategory category) {
    double total = 0;
    for (ForecastCategory item : CATEGORIES) {
      if (category.includes(item)) {
        total += amount[item.ordinal()];
      }
    }
    return total;
  }

  /**
   * The cumulative weighted amount of a category; 0 for omitted.
   *
   * @param category the category
   * @return the weighted amount
   */
  public double cumulativeWeighted(ForecastCategory category) {
    double total = 0;
    for (ForecastCategory item : CATEGORIES) {
      if (category.includes(item)) {
        total += weighted[item.ordinal()];
      }
    }
    return total;
  }

  /**
   * The weighted pipeline: the weighted amount of every line not omitted.
   *
   * @return the weighted pipeline
   */
  public double weightedPipeline() {
    return cumulativeWeighted(ForecastCategory.PIPELINE);
  }

  /** Returns the single and cumulative amounts by category. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ForecastRollup[");
    for (ForecastCategory category : CATEGORIES) {
      out.append(category.jsonName()).append('=').append(amount(category)).append('/')
          .append(cumulativeAmount(category)).append(category == ForecastCategory.OMITTED ? "]" : ", ");
    }
    return out.toString();
  }
}
