package io.github.crmkit.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap through the JVM's garbage collection notifications: for every collection since the last
 * {@link #reset()}, the heap in use just before it and just after it.
 *
 * <p>Between two collections the heap in use only grows (objects are allocated, nothing is freed), so with a
 * collector that frees memory only in the collections it reports (Serial or Parallel; not G1 on JDK 17, whose
 * concurrent cycle can free regions unreported) the true peak of the heap in use is the larger of the highest
 * "before" value and the heap in use at the end. That is what {@link #peakUsedBytes(long)} returns. Summing the pools'
 * own peaks ({@link MemoryPoolMXBean#getPeakUsage()}) would not be a peak of the heap: the pools peak at different
 * moments, and the sum can exceed {@code -Xmx}.
 *
 * <p>Notifications arrive asynchronously, on a JVM service thread; {@link #awaitDelivered()} waits until every
 * collection counted by the collectors' MXBeans has been seen.
 *
 * <p>Thread-safe: one instance per JVM ({@link #instance()}), updated by the notification thread and read by the
 * benchmark thread under its lock.
 */
final class HeapWatch implements NotificationListener {

  private static final long AWAIT_MILLIS = 10_000;

  private static HeapWatch instance;

  private final Set<String> heapPools = new HashSet<>();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  /** Per collector, the id (its collection count) of the last collection notified. */
  private final Map<String, Long> lastSeen = new HashMap<>();

  private long collections;
  private long maxUsedBeforeGc;
  private long maxUsedAfterGc;

  private HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
  }

  /**
   * Returns the JVM's watch, installing it on first use.
   *
   * @return the watch
   */
  static synchronized HeapWatch instance() {
    if (instance == null) {
      HeapWatch watch = new HeapWatch();
      for (GarbageCollectorMXBean collector : watch.collectors) {
        ((NotificationEmitter) collector).addNotificationListener(watch, null, null);
      }
      synchronized (watch) {
        // collections before the listener was added are never notified: count them as seen
        for (GarbageCollectorMXBean collector : watch.collectors) {
          watch.lastSeen.merge(collector.getName(), collector.getCollectionCount(), Math::max);
        }
      }
      instance = watch;
    }
    return instance;
  }

  /**
   * Returns the heap in use now, from the memory pools.
   *
   * @return the bytes in use in the heap's pools
   */
  static long usedBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * Runs a full collection and returns the heap in use right after it: the live heap, everything reachable.
   *
   * @return the bytes in use after a full collection
   */
  static long liveBytes() {
    System.gc();
    return usedBytes();
  }

  /**
   * The collectors' names, for example {@code [Copy, MarkSweepCompact]} for the Serial collector.
   *
   * @return the names
   */
  List<String> collectorNames() {
    return collectors.stream().map(GarbageCollectorMXBean::getName).toList();
  }

  @Override
  public synchronized void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    GcInfo gc = info.getGcInfo();
    collections++;
    maxUsedBeforeGc = Math.max(maxUsedBeforeGc, heapUsed(gc.getMemoryUsageBeforeGc()));
    maxUsedAfterGc = Math.max(maxUsedAfterGc, heapUsed(gc.getMemoryUsageAfterGc()));
    lastSeen.merge(info.getGcName(), gc.getId(), Math::max);
    notifyAll();
  }

  private long heapUsed(Map<String, MemoryUsage> usageByPool) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  /**
   * Waits until every collection counted so far has been notified.
   *
   * @throws IllegalStateException if the notifications do not arrive within 10 seconds
   */
  synchronized void awaitDelivered() {
    long deadline = System.nanoTime() + AWAIT_MILLIS * 1_000_000L;
    while (!delivered()) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        throw new IllegalStateException("garbage collection notifications must arrive within " + AWAIT_MILLIS
            + " ms, seen " + lastSeen + " of " + collectorNames());
      }
      try {
        wait(Math.min(left, 10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for garbage collection notifications", e);
      }
    }
  }

  private boolean delivered() {
    for (GarbageCollectorMXBean collector : collectors) {
      if (lastSeen.getOrDefault(collector.getName(), 0L) < collector.getCollectionCount()) {
        return false;
      }
    }
    return true;
  }

  /** Waits for pending notifications, then forgets every collection seen so far. */
  synchronized void reset() {
    awaitDelivered();
    collections = 0;
    maxUsedBeforeGc = 0;
    maxUsedAfterGc = 0;
  }

  /**
   * The number of collections since {@link #reset()}; call {@link #awaitDelivered()} first.
   *
   * @return the number of collections
   */
  synchronized long collections() {
    return collections;
  }

  /**
   * The peak of the heap in use since {@link #reset()}: the most in use just before any collection, or at the end.
   * Call {@link #awaitDelivered()} first.
   *
   * @param usedAtEnd the heap in use at the end of the period, from {@link #usedBytes()}
   * @return the peak in bytes
   */
  synchronized long peakUsedBytes(long usedAtEnd) {
    return Math.max(maxUsedBeforeGc, usedAtEnd);
  }

  /**
   * The most heap in use right after any collection since {@link #reset()}: an upper bound of what was live at any
   * collection (young collections leave dead objects in the old generation until a full one). Call
   * {@link #awaitDelivered()} first.
   *
   * @return the bytes, 0 if there was no collection
   */
  synchronized long maxUsedAfterGcBytes() {
    return maxUsedAfterGc;
  }
}
