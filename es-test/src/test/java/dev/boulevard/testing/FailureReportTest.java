package dev.boulevard.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.fixtures.Account;
import dev.boulevard.fixtures.AccountEvent.Deposited;
import dev.boulevard.fixtures.AccountEvent.Opened;
import dev.boulevard.fixtures.AccountEvent.Withdrawn;
import dev.boulevard.saga.OrderEvent.Placed;
import dev.boulevard.saga.PaymentProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailureReportTest {

  record Address(String street, String city) {}

  record Customer(String name, Address address, List<Integer> scores) {}

  record Tagged(String id, Map<String, Integer> tags) {}

  record Blob(String id, byte[] bytes) {}

  private final AggregateScenario<Account> scenario =
      AggregateScenario.forAggregate(AggregateFactory.of(Account::new)).withAggregateId("a-1");

  @Test
  void a_failed_then_is_an_assertion_failed_error_with_expected_and_actual_one_event_a_line() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(90));

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class,
            () -> scenario.then(new Deposited("a-1", 100), new Withdrawn("a-1", 5)));

    assertThat(failure.isExpectedDefined()).isTrue();
    assertThat(failure.isActualDefined()).isTrue();
    assertThat(failure.getExpected().getValue())
        .isEqualTo("Deposited[accountId=a-1, amount=100]\n" + "Withdrawn[accountId=a-1, amount=5]");
    assertThat(failure.getActual().getValue()).isEqualTo("Deposited[accountId=a-1, amount=90]");
    assertThat(failure)
        .hasMessageContaining("event 1 (Deposited) differs in amount: expected 100 but was 90")
        .hasMessageContaining("event 2 (Withdrawn) is missing");
  }

  @Test
  void the_message_names_every_differing_field() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(90));

    assertThatThrownBy(() -> scenario.then(new Deposited("a-2", 100)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(
            "event 1 (Deposited) differs in accountId: expected \"a-2\" but was \"a-1\";"
                + " in amount: expected 100 but was 90");
  }

  @Test
  void an_event_of_another_type_is_named_by_both_types() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(90));

    assertThatThrownBy(() -> scenario.then(new Withdrawn("a-1", 90)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("event 1 is a Deposited, expected a Withdrawn");
  }

  @Test
  void an_event_recorded_but_not_expected_is_named() {
    scenario.given(new Opened("a-1")).when(account -> account.deposit(90));

    assertThatThrownBy(() -> scenario.then())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("event 1 (Deposited) was not expected")
        .satisfies(
            e ->
                assertThat(((AssertionFailedError) e).getExpected().getValue())
                    .isEqualTo("(none)"));
  }

  @Test
  void nested_records_and_lists_are_named_by_their_path() {
    var expected = new Customer("Ada", new Address("Main St", "Paris"), List.of(1, 2));
    var actual = new Customer("Ada", new Address("Main St", "Lyon"), List.of(1, 3));

    assertThat(SideBySide.differences(expected, actual))
        .containsExactly(
            "address.city: expected \"Paris\" but was \"Lyon\"", "scores[1]: expected 2 but was 3");
  }

  @Test
  void lists_of_other_lengths_and_maps_are_described() {
    assertThat(
            SideBySide.differences(
                new Customer("Ada", null, List.of(1)), new Customer("Ada", null, List.of(1, 2))))
        .containsExactly("scores: expected 1 item(s) [1] but was 2 item(s) [1, 2]");
    assertThat(
            SideBySide.differences(
                new Tagged("t", Map.of("a", 1, "b", 2)), new Tagged("t", Map.of("a", 3, "c", 2))))
        .containsExactlyInAnyOrder(
            "tags[\"a\"]: expected 1 but was 3",
            "tags[\"b\"]: expected 2 but was absent",
            "tags[\"c\"]: expected no entry but was 2");
  }

  @Test
  void values_that_print_alike_are_told_apart_by_their_types() {
    assertThat(SideBySide.differences(100, 100L))
        .containsExactly("expected 100 (java.lang.Integer) but was 100 (java.lang.Long)");
  }

  @Test
  void a_value_that_is_not_a_record_falls_back_to_equals_and_to_string() {
    assertThat(SideBySide.differences("a", "b")).containsExactly("expected \"a\" but was \"b\"");
    assertThat(SideBySide.differences("a", "a")).isEmpty();

    assertThatThrownBy(
            () -> SideBySide.assertEqual("Differ", "item(s)", List.of("a"), List.of("b")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("item 1 (String) differs: expected \"a\" but was \"b\"");
  }

  @Test
  void a_record_whose_equals_differs_from_its_components_says_so() {
    var left = new Blob("b", new byte[] {1});
    var right = new Blob("b", new byte[] {1});

    assertThat(SideBySide.differences(left, right))
        .singleElement()
        .asString()
        .startsWith("every component is equal, but equals() says the records differ");
  }

  @Test
  void an_expected_exception_that_is_not_thrown_fails_with_expected_and_actual() {
    scenario.given(new Opened("a-1"));

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class,
            () -> scenario.whenThrows(account -> account.deposit(5), IllegalStateException.class));

    assertThat(failure.getExpected().getValue())
        .isEqualTo("throws " + IllegalStateException.class.getName());
    assertThat(failure.getActual().getValue()).isEqualTo("Deposited[accountId=a-1, amount=5]");
  }

  @Test
  void a_process_state_that_differs_names_the_field() {
    var processes = ProcessManagerScenario.of(new PaymentProcess()).withAggregateId("o-1");
    processes.given(new Placed("o-1", 30));

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class,
            () -> processes.thenState("o-1", new PaymentProcess.Pending("o-1", 31)));

    assertThat(failure)
        .hasMessageContaining("State of process o-1 differs in total: expected 31 but was 30");
    assertThat(failure.getExpected().getValue()).isEqualTo("Pending[orderId=o-1, total=31]");
    assertThat(failure.getActual().getValue()).isEqualTo("Pending[orderId=o-1, total=30]");
  }

  @Test
  void a_process_that_should_have_ended_fails_with_its_state_as_the_actual_value() {
    var processes = ProcessManagerScenario.of(new PaymentProcess()).withAggregateId("o-1");
    processes.given(new Placed("o-1", 30));

    assertThatThrownBy(() -> processes.thenEnded("o-1"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("to have ended");
  }
}
