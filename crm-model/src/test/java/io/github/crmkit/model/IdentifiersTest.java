package io.github.crmkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every typed identifier: value, equality, ordering, toString and the shared identifier rules. */
class IdentifiersTest {
  private static final class IdType {
    final String name;
    final Function<String, Object> factory;

    IdType(String name, Function<String, Object> factory) {
      this.name = name;
      this.factory = factory;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<IdType> types() {
    return List.of(
        new IdType("CustomerId", CustomerId::of),
        new IdType("LeadId", LeadId::of),
        new IdType("OpportunityId", OpportunityId::of),
        new IdType("TransactionId", TransactionId::of),
        new IdType("InteractionId", InteractionId::of),
        new IdType("FeedbackId", FeedbackId::of),
        new IdType("TicketId", TicketId::of),
        new IdType("AgentId", AgentId::of),
        new IdType("TeamId", TeamId::of),
        new IdType("TerritoryId", TerritoryId::of),
        new IdType("ProductId", ProductId::of),
        new IdType("ProductGroupId", ProductGroupId::of));
  }

  static Stream<Arguments> invalidValues() {
    List<Arguments> out = new ArrayList<>();
    for (IdType type : types()) {
      String n = type.name;
      out.add(Arguments.of(type, "", n + " must not be empty"));
      out.add(Arguments.of(type, "x".repeat(129), n + " must be at most 128 characters, was 129"));
      out.add(Arguments.of(type, "   ", n + " must not be blank"));
      out.add(Arguments.of(type, " C-1", n + " must not start or end with whitespace, was ' C-1'"));
      out.add(Arguments.of(type, "C-1\t", n + " must not start or end with whitespace, was 'C-1\\u0009'"));
      out.add(Arguments.of(type, "C\u00001", n + " must not contain control characters, was 'C\\u00001'"));
      out.add(Arguments.of(type, "C\n1", n + " must not contain control characters, was 'C\\u000A1'"));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} refuses \"{1}\"")
  @MethodSource("invalidValues")
  void refusesInvalidValues(IdType type, String value, String message) {
    Invalid.because(message, () -> type.factory.apply(value)).assertRefused();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void refusesNull(IdType type) {
    assertThatNullPointerException().isThrownBy(() -> type.factory.apply(null)).withMessage("value");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void acceptsOneTo128CharactersAndShowsTheValueItself(IdType type) {
    assertThat(type.factory.apply("x")).hasToString("x");
    String longest = "a".repeat(128);
    assertThat(type.factory.apply(longest)).hasToString(longest);
    assertThat(type.factory.apply("客户 42")).hasToString("客户 42");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  void equalByValue(IdType type) {
    assertThat(type.factory.apply("C-1")).isEqualTo(type.factory.apply("C-1"))
        .hasSameHashCodeAs(type.factory.apply("C-1"))
        .isNotEqualTo(type.factory.apply("c-1"))
        .isNotEqualTo("C-1");
  }

  @Test
  void customerIdValueAndToString() {
    CustomerId id = CustomerId.of("C-000042");
    assertThat(id.value()).isEqualTo("C-000042");
    assertThat(id.toString()).isEqualTo("C-000042");
  }

  @Test
  void idsOfDifferentTypesAreNeverEqual() {
    assertThat(CustomerId.of("X-1")).isNotEqualTo(LeadId.of("X-1"));
    assertThat(AgentId.of("X-1")).isNotEqualTo(TeamId.of("X-1"));
  }

  @Test
  void idsCompareByTheirStringValue() {
    assertOrdered(CustomerId::of);
    assertOrdered(LeadId::of);
    assertOrdered(OpportunityId::of);
    assertOrdered(TransactionId::of);
    assertOrdered(InteractionId::of);
    assertOrdered(FeedbackId::of);
    assertOrdered(TicketId::of);
    assertOrdered(AgentId::of);
    assertOrdered(TeamId::of);
    assertOrdered(TerritoryId::of);
    assertOrdered(ProductId::of);
    assertOrdered(ProductGroupId::of);
  }

  private static <T extends Comparable<T>> void assertOrdered(Function<String, T> of) {
    assertThat(of.apply("A-1").compareTo(of.apply("A-2"))).isNegative();
    assertThat(of.apply("B").compareTo(of.apply("A-9"))).isPositive();
    assertThat(of.apply("A-1").compareTo(of.apply("A-1"))).isZero();
    // lexicographic, not numeric
    assertThat(of.apply("A-10").compareTo(of.apply("A-9"))).isNegative();
    // upper case sorts before lower case (UTF-16 order)
    assertThat(of.apply("Z").compareTo(of.apply("a"))).isNegative();
  }
}
