package io.github.crmkit.scoring.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Customer lifetime value: the discounted sum, hand-checked, and lifetimes' published CDNOW figures. */
class CustomerLifetimeValueTest {

  /** A purchase model whose conditional expectation is the horizon itself: one purchase per time unit. */
  private static final PurchaseModel ONE_PER_UNIT = new PurchaseModel() {
    @Override
    public String model() {
      return "linear";
    }

    @Override
    public double expectedPurchases(double t) {
      return t;
    }

    @Override
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
      return t;
    }

    @Override
    public double probabilityAlive(int x, double tx, double age) {
      return 1.0;
    }
  };

  @Test
  void discountedMonthlySumByHand() {
    GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
    // E[M | x = 2, m = 22.35] = 6.25 (15.44 + 44.7) / (12.5 + 2.74); 4.345 purchases a month, 1% a month, 12 months:
    // 4.345 * (1 - 1.01^-12) / 0.01
    double expected = 6.25 * (15.44 + 44.7) / 15.24 * 4.345 * (1 - Math.pow(1.01, -12)) / 0.01;
    double clv = CustomerLifetimeValue.of(ONE_PER_UNIT, spend, 2, 30.43, 38.86, 22.35, 12, 0.01,
        CustomerLifetimeValue.WEEKS_PER_MONTH);
    assertThat(clv).isCloseTo(expected, within(1e-9));
    // without discount: 12 months of 4.345 purchases
    assertThat(CustomerLifetimeValue.of(ONE_PER_UNIT, spend, 2, 30.43, 38.86, 22.35, 12, 0.0, 4.345))
        .isCloseTo(6.25 * (15.44 + 44.7) / 15.24 * 12 * 4.345, within(1e-9));
  }

  @Test
  void lifetimesReadmeFigures() {
    // lifetimes' README: BG/NBD and Gamma-Gamma fitted on cdnow_customers_summary_with_transactions.csv (Gamma-Gamma
    // on the repeat customers), CLV over 12 months at 1% a month with lifetimes' default freq "D" (30 time units,
    // here weeks, a "month"): customers 1, 2, 3, 6, 7, 9
    CdnowData.Columns data = CdnowData.withSpend();
    BgNbdModel purchases = BgNbdModel.of(BgNbdModel.fit(BgNbdModel.Variant.BG_NBD, data.columns()));
    GammaGammaModel spend = GammaGammaModel.of(GammaGammaModel.fit(data.x(), data.spend()));
    double[] clv = new double[data.x().length];
    CustomerLifetimeValue.compute(purchases, spend, data.x(), data.tx(), data.age(), data.spend(), 12, 0.01,
        CustomerLifetimeValue.DAYS_PER_MONTH, clv);
    String[] ids = {"1", "2", "3", "6", "7", "9"};
    double[] published = {140.096211, 18.943467, 38.180574, 1003.868107, 28.109683, 167.418216};
    for (int k = 0; k < ids.length; k++) {
      int row = data.row(ids[k]);
      System.out.printf("CLV customer %s: %.6f (lifetimes %.6f)%n", ids[k], clv[row], published[k]);
      assertThat(clv[row]).as("customer %s", ids[k]).isCloseTo(published[k], within(published[k] * 1e-6));
    }
  }

  @Test
  void deadCustomersAreWorthNothingAndArgumentsAreChecked() {
    BgNbdModel purchases = BgNbdModel.bgNbd(0.2425982, 4.4136842, 0.7929899, 2.4261667);
    GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);
    assertThat(CustomerLifetimeValue.of(purchases, spend, 1000, 10, 100, 20, 12, 0.01, 4.345)).isEqualTo(0.0);
    assertThatThrownBy(() -> CustomerLifetimeValue.of(purchases, spend, 1, 1, 2, 20, 0, 0.01, 4.345))
        .hasMessage("months must be at least 1, was 0");
    assertThatThrownBy(() -> CustomerLifetimeValue.of(purchases, spend, 1, 1, 2, 20, 12, -1, 4.345))
        .hasMessage("monthlyDiscountRate must be finite and > -1, was -1.0");
  }
}
