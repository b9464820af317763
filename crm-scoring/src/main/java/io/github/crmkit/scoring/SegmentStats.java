package io.github.crmkit.scoring;

/**
 * The customers, orders and revenue of one segment, and their shares of all segmented customers, orders and
 * revenue (customers without a purchase are not segmented; see {@link SegmentSummary}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the segment's name
 * @param customers the number of customers in the segment
 * @param orders their orders
 * @param revenue their net monetary value
 * @param customerShare {@code customers} over all segmented customers, 0 to 1 (0 when there are none)
 * @param orderShare {@code orders} over all segmented orders (0 when there are none)
 * @param revenueShare {@code revenue} over all segmented revenue (0 when it is 0; can leave 0..1 when some
 *     customers' net value is negative)
 */
public record SegmentStats(String name, int customers, long orders, double revenue, double customerShare,
    double orderShare, double revenueShare) {}
