package io.github.crmkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.crmkit.scoring.TransactionColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random transactions, each unit: every customer is kept or counted as left out, and the opportunities match a
 * customer-by-customer count made here with sets of periods.
 */
class OpportunitiesPropertyTest {
  @Test
  void everyCustomerIsKeptOrCountedAndTheCountsMatchASetOfPeriodsPerCustomer() {
    qt().withExamples(400).withFixedSeed(20261202L).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom random = new SplittableRandom(seed);
      Opportunities.Unit unit = Opportunities.Unit.values()[random.nextInt(4)];
      int span = switch (unit) {
        case DAY -> 40;
        case WEEK -> 200;
        case MONTH -> 800;
        case YEAR -> 4000;
      };
      long origin = LocalDate.parse("2019-12-30").toEpochDay() + random.nextInt(400);
      // the ends: the last days of two periods within the span
      long calibrationPeriod = unit.period(origin + span / 2);
      LocalDate calibrationEnd = unit.lastDay(calibrationPeriod);
      LocalDate observationEnd = random.nextBoolean() ? null
          : unit.lastDay(calibrationPeriod + 1 + random.nextInt(3));
      int customers = 1 + random.nextInt(25);
      List<int[]> rows = new ArrayList<>();
      for (int c = 0; c < customers; c++) {
        int count = random.nextInt(9);
        for (int k = 0; k < count; k++) {
          rows.add(new int[] {c, (int) (origin + random.nextInt(span + span / 2))});
        }
      }
      int[] customer = new int[rows.size()];
      int[] day = new int[rows.size()];
      double[] amount = new double[rows.size()];
      for (int i = 0; i < customer.length; i++) {
        customer[i] = rows.get(i)[0];
        day[i] = rows.get(i)[1];
        amount[i] = 1 + random.nextInt(50);
      }
      String[] ids = new String[customers];
      for (int c = 0; c < customers; c++) {
        ids[c] = "c" + c;
      }
      Opportunities o = Opportunities.of(TransactionColumns.of(customer, day, amount, ids), unit, calibrationEnd,
          observationEnd);

      long end = observationEnd == null ? calibrationPeriod : unit.period(observationEnd.toEpochDay());
      int kept = 0;
      int noPurchase = 0;
      int bornLast = 0;
      long repeatsInCalibration = 0;
      long repeatsInHoldout = 0;
      for (int c = 0; c < customers; c++) {
        TreeSet<Long> periods = new TreeSet<>();
        for (int[] r : rows) {
          if (r[0] == c && unit.period(r[1]) <= end) {
            periods.add(unit.period(r[1]));
          }
        }
        if (periods.isEmpty() || periods.first() > calibrationPeriod) {
          noPurchase++;
          continue;
        }
        long birth = periods.first();
        if (birth == calibrationPeriod) {
          bornLast++;
          continue;
        }
        int row = kept++;
        assertThat(o.ids[row]).isEqualTo(ids[c]);
        TreeSet<Long> calibration = new TreeSet<>(periods.subSet(birth, false, calibrationPeriod, true));
        int holdout = periods.subSet(calibrationPeriod, false, end, true).size();
        assertThat(o.n[row]).isEqualTo((int) (calibrationPeriod - birth));
        assertThat(o.x[row]).isEqualTo(calibration.size());
        assertThat(o.tx[row]).isEqualTo(calibration.isEmpty() ? 0 : (int) (calibration.last() - birth));
        assertThat(o.x[row]).isLessThanOrEqualTo(o.tx[row]).isLessThanOrEqualTo(o.n[row]);
        if (observationEnd != null) {
          assertThat(o.holdoutX[row]).isEqualTo(holdout).isLessThanOrEqualTo(o.holdoutN);
        }
        repeatsInCalibration += calibration.size();
        repeatsInHoldout += holdout;
      }
      assertThat(o.size()).isEqualTo(kept);
      assertThat(o.noPurchase).isEqualTo(noPurchase);
      assertThat(o.bornLast).isEqualTo(bornLast);
      assertThat(kept + noPurchase + bornLast).isEqualTo(customers);
      assertThat(o.holdoutN).isEqualTo((int) (end - calibrationPeriod));
      long births = 0;
      for (long b : o.births) {
        births += b;
      }
      assertThat(births).isEqualTo(kept);
      long inCalibration = 0;
      long inHoldout = 0;
      for (int q = 0; q < o.repeatBuyers.length; q++) {
        if (o.firstBirth + 1 + q <= calibrationPeriod) {
          inCalibration += o.repeatBuyers[q];
        } else {
          inHoldout += o.repeatBuyers[q];
        }
      }
      assertThat(inCalibration).isEqualTo(repeatsInCalibration);
      assertThat(inHoldout).isEqualTo(repeatsInHoldout);
    });
  }
}
