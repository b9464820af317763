package io.github.crmkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.crmkit.model.CustomerId;
import io.github.crmkit.model.Money;
import io.github.crmkit.model.Transaction;
import io.github.crmkit.model.TransactionId;
import io.github.crmkit.model.TransactionKind;
import io.github.crmkit.model.port.TransactionSource;
import io.github.crmkit.testkit.ModelGenerators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TransactionSource}. Subclass it and implement {@link #newSource(List)}.
 */
public abstract class TransactionSourceContract {
  private static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  /** Creates the contract. */
  protected TransactionSourceContract() {}

  /**
   * Returns a source that holds exactly the given transactions (ids are unique).
   *
   * @param transactions the transactions, in no particular order
   * @return the source under test
   */
  protected abstract TransactionSource newSource(List<Transaction> transactions);

  private static Transaction sale(String id, String customer, Instant at) {
    return Transaction.builder().id(TransactionId.of(id)).customer(CustomerId.of(customer)).occurredAt(at)
        .total(Money.of("10.00", "CNY")).build();
  }

  private static List<String> ids(Stream<Transaction> stream) {
    try (stream) {
      return stream.map(t -> t.id().value()).toList();
    }
  }

  @Test
  void streamsAreInTimeOrderWithTiesById() {
    TransactionSource source = newSource(List.of(
        sale("T-3", "C-1", T0.plusSeconds(60)), sale("T-2", "C-2", T0), sale("T-1", "C-1", T0),
        sale("T-0", "C-2", T0.plusSeconds(120))));
    assertThat(ids(source.all())).containsExactly("T-1", "T-2", "T-3", "T-0");
    assertThat(ids(source.byCustomer(CustomerId.of("C-1")))).containsExactly("T-1", "T-3");
    assertThat(ids(source.byCustomer(CustomerId.of("C-9")))).isEmpty();
  }

  @Test
  void betweenIsHalfOpen() {
    TransactionSource source = newSource(List.of(
        sale("T-1", "C-1", T0), sale("T-2", "C-1", T0.plusSeconds(10)), sale("T-3", "C-1", T0.plusSeconds(20))));
    assertThat(ids(source.between(T0, T0.plusSeconds(20)))).containsExactly("T-1", "T-2");
    assertThat(ids(source.between(T0.plusSeconds(10), T0.plusSeconds(10)))).isEmpty();
    assertThatThrownBy(() -> source.between(T0.plusSeconds(1), T0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsReturnsAndTheirReferencesIntact() {
    Transaction sale = sale("T-1", "C-1", T0);
    Transaction ret = Transaction.builder().id(TransactionId.of("T-2")).customer(CustomerId.of("C-1"))
        .occurredAt(T0.plusSeconds(86_400)).kind(TransactionKind.RETURN).originalTransaction(sale.id())
        .total(Money.of("4.00", "CNY")).build();
    TransactionSource source = newSource(List.of(ret, sale));
    try (Stream<Transaction> all = source.all()) {
      assertThat(all).containsExactly(sale, ret);
    }
  }

  @Test
  void everyTransactionAppearsExactlyOnceWithGeneratedHistories() {
    SplittableRandom random = new SplittableRandom(7);
    List<Transaction> all = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      all.addAll(ModelGenerators.history(random, CustomerId.of("C-" + c), 1 + random.nextInt(12)));
    }
    TransactionSource source = newSource(all);
    List<Transaction> expected = new ArrayList<>(all);
    expected.sort(Comparator.comparing(Transaction::occurredAt).thenComparing(Transaction::id));
    try (Stream<Transaction> stream = source.all()) {
      assertThat(stream).containsExactlyElementsOf(expected);
    }
    CustomerId someone = CustomerId.of("C-3");
    try (Stream<Transaction> stream = source.byCustomer(someone)) {
      assertThat(stream).containsExactlyElementsOf(
          expected.stream().filter(t -> t.customer().equals(someone)).toList());
    }
  }
}
