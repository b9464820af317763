package io.github.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.crmkit.model.Customer;
import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Lead;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionKind;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GeneratorsTest {
  static Stream<Class<?>> types() {
    return ModelGenerators.types().stream();
  }

  @ParameterizedTest
  @MethodSource("types")
  void sameSeedSameValueAndSeedsDiffer(Class<?> type) {
    Generator<?> generator = ModelGenerators.forType(type);
    Set<Object> distinct = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      Object value = generator.fromSeed(seed);
      assertThat(generator.fromSeed(seed)).isEqualTo(value);
      distinct.add(value);
    }
    assertThat(distinct).as("%s values from 200 seeds", type.getSimpleName()).hasSizeGreaterThan(20);
  }

  @Test
  void generatedDataCoversNonAsciiAndEdgeCases() {
    SplittableRandom random = new SplittableRandom(1);
    boolean chineseName = false;
    boolean fullWidthOrCjkCompany = false;
    boolean plus86 = false;
    boolean zeroAmount = false;
    boolean reversal = false;
    for (int i = 0; i < 2000; i++) {
      Customer c = ModelGenerators.customer(random);
      chineseName |= c.personName().map(n -> n.displayName().codePoints()
          .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)).orElse(false);
      fullWidthOrCjkCompany |= c.organizationName().map(o -> o.legalName().contains("ＡＢＣ")).orElse(false);
      plus86 |= c.contacts().phones().stream().anyMatch(p -> p.value().startsWith("+86"));
      Transaction t = ModelGenerators.transaction(random);
      zeroAmount |= t.total().isZero();
      reversal |= t.kind() != TransactionKind.SALE;
    }
    assertThat(chineseName).isTrue();
    assertThat(fullWidthOrCjkCompany).isTrue();
    assertThat(plus86).isTrue();
    assertThat(zeroAmount).isTrue();
    assertThat(reversal).isTrue();
  }

  @Test
  void historiesHaveSameDayPurchasesAndReturnsOfEarlierSalesOfTheSameCustomer() {
    SplittableRandom random = new SplittableRandom(3);
    int sameDay = 0;
    int reversals = 0;
    for (int c = 0; c < 200; c++) {
      CustomerId customer = CustomerId.of("C-" + c);
      List<Transaction> history = ModelGenerators.history(random, customer, 10);
      Map<Object, Transaction> sales = new HashMap<>();
      Transaction previous = null;
      for (Transaction t : history) {
        assertThat(t.customer()).isEqualTo(customer);
        if (previous != null) {
          assertThat(t.occurredAt()).isAfterOrEqualTo(previous.occurredAt());
          if (t.occurredAt().atZone(ZoneOffset.UTC).toLocalDate()
              .equals(previous.occurredAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            sameDay++;
          }
        }
        if (t.kind() == TransactionKind.SALE) {
          sales.put(t.id(), t);
        } else {
          reversals++;
          Transaction original = sales.get(t.originalTransaction().orElseThrow());
          assertThat(original).as("a reversal references an earlier sale of the same customer").isNotNull();
          assertThat(t.total()).isEqualTo(original.total());
        }
        previous = t;
      }
    }
    assertThat(sameDay).isGreaterThan(50);
    assertThat(reversals).isGreaterThan(50);
  }

  @Test
  void leadsRespectTheOwnerRulesOfTheirStatus() {
    SplittableRandom random = new SplittableRandom(5);
    List<Lead> leads = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      leads.add(ModelGenerators.lead(random));
    }
    assertThat(leads).extracting(Lead::status).contains(io.github.crmkit.model.LeadStatus.values());
  }

  @Test
  void moneyCoversCurrenciesWithZeroAndThreeFractionDigits() {
    SplittableRandom random = new SplittableRandom(9);
    Set<String> currencies = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      Money m = ModelGenerators.money(random);
      currencies.add(m.currency().getCurrencyCode());
    }
    assertThat(currencies).contains("JPY", "KWD", "CNY");
  }
}
