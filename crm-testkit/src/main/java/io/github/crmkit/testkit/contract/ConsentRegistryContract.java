package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.ConsentRecord;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.port.ConsentRegistry;
import io.github.crmkit.testkit.inmemory.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConsentRegistry}. Subclass it and implement {@link #newRegistry(Clock)}; the registry must
 * take its time from the given clock, which the test moves.
 */
public abstract class ConsentRegistryContract {
  private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("C-alice");
  private static final CustomerId BOB = CustomerId.of("C-bob");

  /** Creates the contract. */
  protected ConsentRegistryContract() {}

  /**
   * Returns a new, empty registry timed by the clock.
   *
   * @param clock the clock to take grant and withdrawal times from
   * @return the registry under test
   */
  protected abstract ConsentRegistry newRegistry(Clock clock);

  @Test
  void grantWithdrawAndGrantAgainKeepTheHistory() {
    MutableClock clock = new MutableClock(T0);
    ConsentRegistry registry = newRegistry(clock);
    assertThat(registry.isGranted(ALICE, "marketing.email")).isFalse();
    assertThat(registry.grant(ALICE, "marketing.email", "web-form")).isTrue();
    assertThat(registry.grant(ALICE, "marketing.email", "web-form")).as("already granted").isFalse();
    assertThat(registry.isGranted(ALICE, "marketing.email")).isTrue();
    assertThat(registry.isGranted(BOB, "marketing.email")).isFalse();
    assertThat(registry.isGranted(ALICE, "profiling")).isFalse();

    clock.advance(Duration.ofDays(10));
    assertThat(registry.withdraw(ALICE, "marketing.email")).isTrue();
    assertThat(registry.withdraw(ALICE, "marketing.email")).as("not granted any more").isFalse();
    assertThat(registry.isGranted(ALICE, "marketing.email")).isFalse();

    clock.advance(Duration.ofDays(5));
    assertThat(registry.grant(ALICE, "marketing.email", "store")).isTrue();

    List<ConsentRecord> history = registry.history(ALICE);
    assertThat(history).hasSize(2);
    assertThat(history.get(0).grantedAt()).isEqualTo(T0);
    assertThat(history.get(0).withdrawnAt()).contains(T0.plus(Duration.ofDays(10)));
    assertThat(history.get(1).grantedAt()).isEqualTo(T0.plus(Duration.ofDays(15)));
    assertThat(history.get(1).withdrawnAt()).isEmpty();
    assertThat(history.get(1).source()).contains("store");
  }

  @Test
  void wasGrantedAnswersForPastInstants() {
    MutableClock clock = new MutableClock(T0);
    ConsentRegistry registry = newRegistry(clock);
    registry.grant(ALICE, "profiling", "web-form");
    clock.advance(Duration.ofDays(10));
    registry.withdraw(ALICE, "profiling");
    assertThat(registry.wasGranted(ALICE, "profiling", T0.minusSeconds(1))).isFalse();
    assertThat(registry.wasGranted(ALICE, "profiling", T0)).isTrue();
    assertThat(registry.wasGranted(ALICE, "profiling", T0.plus(Duration.ofDays(10)).minusNanos(1))).isTrue();
    assertThat(registry.wasGranted(ALICE, "profiling", T0.plus(Duration.ofDays(10)))).isFalse();
  }

  @Test
  void behavesLikeAReferenceModelUnderRandomActions() {
    String[] purposes = {"marketing.email", "marketing.sms", "profiling"};
    CustomerId[] customers = {ALICE, BOB};
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      MutableClock clock = new MutableClock(T0);
      ConsentRegistry registry = newRegistry(clock);
      Map<String, Boolean> reference = new HashMap<>();
      for (int step = 0; step < 200; step++) {
        clock.advance(Duration.ofMinutes(1 + random.nextInt(600)));
        CustomerId customer = customers[random.nextInt(customers.length)];
        String purpose = purposes[random.nextInt(purposes.length)];
        String key = customer + "/" + purpose;
        boolean granted = reference.getOrDefault(key, false);
        if (random.nextBoolean()) {
          assertThat(registry.grant(customer, purpose, "web-form")).as("grant %s seed %s", key, seed)
              .isEqualTo(!granted);
          reference.put(key, true);
        } else {
          assertThat(registry.withdraw(customer, purpose)).as("withdraw %s seed %s", key, seed).isEqualTo(granted);
          reference.put(key, false);
        }
        for (CustomerId c : customers) {
          for (String p : purposes) {
            assertThat(registry.isGranted(c, p)).as("isGranted %s/%s seed %s", c, p, seed)
                .isEqualTo(reference.getOrDefault(c + "/" + p, false));
          }
        }
      }
    }
  }
}
