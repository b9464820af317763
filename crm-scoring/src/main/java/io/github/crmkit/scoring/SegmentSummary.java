package io.github.crmkit.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The segment of every customer of an {@link RfmScores} under a {@link SegmentMap}, and per segment (in map order,
 * {@value SegmentMap#OTHERS} last, present even when empty) the customers, orders and revenue with their shares.
 *
 * <p>Everything reconciles with the input: the segments' customers plus {@link #excludedCustomers()} (customers
 * without a purchase, which have no scores and so no segment) are all customers of the summaries; likewise for
 * orders and revenue (a customer without a purchase has no orders, but may have a net value from returns).
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentSummary {
  /** The segment index of a customer that was not scored. */
  public static final int NOT_SEGMENTED = -1;

  private final SegmentMap map;
  private final int[] segmentOf;
  private final List<SegmentStats> segments;
  private final int segmentedCustomers;
  private final long segmentedOrders;
  private final double segmentedRevenue;
  private final int excludedCustomers;
  private final long excludedOrders;
  private final double excludedRevenue;

  SegmentSummary(SegmentMap map, int[] segmentOf, int[] customers, long[] orders, double[] revenue,
      int excludedCustomers, long excludedOrders, double excludedRevenue) {
    this.map = map;
    this.segmentOf = segmentOf;
    int totalCustomers = 0;
    long totalOrders = 0;
    double totalRevenue = 0;
    for (int s = 0; s < customers.length; s++) {
      totalCustomers += customers[s];
      totalOrders += orders[s];
      totalRevenue += revenue[s];
    }
    List<SegmentStats> list = new ArrayList<>(customers.length);
    for (int s = 0; s < customers.length; s++) {
      list.add(new SegmentStats(map.segmentName(s), customers[s], orders[s], revenue[s],
          share(customers[s], totalCustomers), share(orders[s], totalOrders), share(revenue[s], totalRevenue)));
    }
    this.segments = Collections.unmodifiableList(list);
    this.segmentedCustomers = totalCustomers;
    this.segmentedOrders = totalOrders;
    this.segmentedRevenue = totalRevenue;
    this.excludedCustomers = excludedCustomers;
    this.excludedOrders = excludedOrders;
    this.excludedRevenue = excludedRevenue;
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  /**
   * The map that assigned the segments.
   *
   * @return the map
   */
  public SegmentMap map() {
    return map;
  }

  /**
   * Per segment, in map order, {@value SegmentMap#OTHERS} last.
   *
   * @return the statistics, one per segment of the map, unmodifiable
   */
  public List<SegmentStats> segments() {
    return segments;
  }

  /**
   * The statistics of one segment.
   *
   * @param name the segment's name
   * @return its statistics
   * @throws IllegalArgumentException if the map has no segment of that name
   */
  public SegmentStats segment(String name) {
    Objects.requireNonNull(name, "name");
    for (SegmentStats stats : segments) {
      if (stats.name().equals(name)) {
        return stats;
      }
    }
    throw new IllegalArgumentException("name must be a segment of the map, was '" + name + "'");
  }

  /**
   * The segment index of customer {@code k} ({@link SegmentMap#segmentName(int)} names it).
   *
   * @param k the customer key
   * @return the index, or {@link #NOT_SEGMENTED} for a customer without a purchase
   */
  public int segmentIndex(int k) {
    return segmentOf[k];
  }

  /**
   * The segment name of customer {@code k}.
   *
   * @param k the customer key
   * @return the name
   * @throws IllegalStateException if the customer has no purchase, hence no scores and no segment
   */
  public String segmentName(int k) {
    int s = segmentOf[k];
    if (s == NOT_SEGMENTED) {
      throw new IllegalStateException("customer key " + k + " has no purchase, so no segment");
    }
    return map.segmentName(s);
  }

  /**
   * All customers: segmented and excluded.
   *
   * @return the count
   */
  public int customers() {
    return segmentedCustomers + excludedCustomers;
  }

  /**
   * All orders: of segmented and of excluded customers.
   *
   * @return the count
   */
  public long orders() {
    return segmentedOrders + excludedOrders;
  }

  /**
   * All revenue: the net monetary value of segmented and of excluded customers.
   *
   * @return the total
   */
  public double revenue() {
    return segmentedRevenue + excludedRevenue;
  }

  /**
   * The customers in a segment (the sum over {@link #segments()}).
   *
   * @return the count
   */
  public int segmentedCustomers() {
    return segmentedCustomers;
  }

  /**
   * The orders of segmented customers.
   *
   * @return the count
   */
  public long segmentedOrders() {
    return segmentedOrders;
  }

  /**
   * The revenue of segmented customers.
   *
   * @return the total
   */
  public double segmentedRevenue() {
    return segmentedRevenue;
  }

  /**
   * The customers without a purchase, not scored and so not segmented.
   *
   * @return the count
   */
  public int excludedCustomers() {
    return excludedCustomers;
  }

  /**
   * The orders of excluded customers: always 0, since a customer without a purchase has no orders; reported so that
   * the totals visibly reconcile.
   *
   * @return the count
   */
  public long excludedOrders() {
    return excludedOrders;
  }

  /**
   * The net monetary value of excluded customers (returns without a purchase make it negative).
   *
   * @return the total
   */
  public double excludedRevenue() {
    return excludedRevenue;
  }

  /** Returns one line per segment with its customers, orders and revenue, then the excluded customers. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (SegmentStats s : segments) {
      out.append(String.format(Locale.ROOT, "%s: %d customers (%.1f%%), %d orders (%.1f%%), revenue %.2f "
          + "(%.1f%%)%n", s.name(), s.customers(), 100 * s.customerShare(), s.orders(), 100 * s.orderShare(),
          s.revenue(), 100 * s.revenueShare()));
    }
    return out.append("excluded (no purchase): ").append(excludedCustomers).append(" customers").toString();
  }
}
