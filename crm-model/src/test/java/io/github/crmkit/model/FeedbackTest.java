package io.github.crmkit.model;

import static io.github.crmkit.model.Fixtures.T0;
import static io.github.crmkit.model.Fixtures.feedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FeedbackTest {
  private static Feedback.Builder empty() {
    return Feedback.builder().id(FeedbackId.of("F-1")).customer(CustomerId.of("C-1")).receivedAt(T0);
  }

  @ParameterizedTest(name = "nps {0} -> {1}")
  @CsvSource({
      "0, DETRACTOR", "6, DETRACTOR", "7, PASSIVE", "8, PASSIVE", "9, PROMOTER", "10, PROMOTER"})
  void npsCategoryBoundaries(int nps, Feedback.NpsCategory expected) {
    assertThat(empty().nps(nps).build().npsCategory()).contains(expected);
  }

  @Test
  void noNpsNoCategory() {
    assertThat(feedback().build().npsCategory()).isEmpty();
  }

  @Test
  void anyOneOfCsatNpsOrCommentSuffices() {
    assertThat(empty().csat(1).build().csat()).hasValue(1);
    assertThat(empty().csat(5).build().csat()).hasValue(5);
    assertThat(empty().nps(0).build().nps()).hasValue(0);
    assertThat(empty().comment("Great service.\nThanks!").build().comment()).contains("Great service.\nThanks!");
    Feedback all = empty().csat(3).nps(8).comment("ok").channel("survey-email").ticket(TicketId.of("K-1")).build();
    assertThat(all.ticket()).contains(TicketId.of("K-1"));
    assertThat(all.channel()).contains("survey-email");
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        Invalid.because("Feedback needs a csat, an nps or a comment", () -> empty().build()),
        Invalid.because("Feedback needs a csat, an nps or a comment", () -> empty().channel("survey-email").build()),
        Invalid.because("Feedback.csat must be between 1 and 5, was 0", () -> empty().csat(0).build()),
        Invalid.because("Feedback.csat must be between 1 and 5, was 6", () -> empty().csat(6).build()),
        Invalid.because("Feedback.nps must be between 0 and 10, was -1", () -> empty().nps(-1).build()),
        Invalid.because("Feedback.nps must be between 0 and 10, was 11", () -> empty().nps(11).build()),
        Invalid.because("Feedback.comment must not be blank", () -> empty().comment(" ").build()),
        Invalid.because("Feedback.comment must be at most 4000 characters, was 4001",
            () -> empty().comment("c".repeat(4001)).build()),
        Invalid.because("Feedback.comment must not contain control characters (found U+0008 at index 4)",
            () -> empty().comment("good\b").build()),
        Invalid.because("Feedback.channel must be a lower-case token matching [a-z0-9][a-z0-9_.:-]{0,63}, "
            + "was 'Survey'", () -> feedback().channel("Survey").build()),
        Invalid.because("Feedback.attributes key must match [A-Za-z][A-Za-z0-9_.-]{0,63}, was 'q#1'",
            () -> feedback().putAttribute("q#1", AttributeValue.ofLong(1)).build()),
        Invalid.because(IllegalStateException.class,
            "Cannot build Feedback, some of required attributes are not set [id, customer, receivedAt]",
            () -> Feedback.builder().csat(5).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void refusesInvalidFeedback(Invalid c) {
    c.assertRefused();
  }
}
