package dev.boulevard.readmodel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelRepository;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SeveralReadModelsTest {

  record Balance(String id, long amount) implements ReadModel {}

  record Entry(String id, String account, long amount) implements ReadModel {}

  /** Writes a balance per account and an entry per deposit. */
  static final class LedgerProjector extends Projector {
    LedgerProjector(ReadModelRepository<Balance> balances, ReadModelRepository<Entry> entries) {
      on(Opened.class, (opened, message) -> balances.save(new Balance(opened.account(), 0)));
      on(
          Deposited.class,
          (deposited, message) -> {
            Balance balance = balances.find(message.aggregateId()).orElseThrow();
            balances.save(new Balance(balance.id(), balance.amount() + deposited.amount()));
            entries.save(
                new Entry(
                    message.aggregateId() + "/" + message.playhead(),
                    message.aggregateId(),
                    deposited.amount()));
          });
    }
  }

  private static LedgerProjector ledger(ReadModels models) {
    return new LedgerProjector(models.repository(Balance.class), models.repository(Entry.class));
  }

  @Test
  void each_read_model_is_checked_by_its_document_type() {
    ProjectorScenario.forReadModels(SeveralReadModelsTest::ledger)
        .withAggregateId("a")
        .given(new Opened("a", "Ada"), new Deposited("a", 5))
        .when(new Deposited("a", 7))
        .then(Balance.class, new Balance("a", 12))
        .then(Entry.class, new Entry("a/2", "a", 7), new Entry("a/1", "a", 5))
        .thenRepository(Entry.class, entries -> assertThat(entries.findAll()).hasSize(2));
  }

  @Test
  void a_difference_names_the_read_model_the_document_and_the_field() {
    var scenario =
        ProjectorScenario.forReadModels(SeveralReadModelsTest::ledger)
            .withAggregateId("a")
            .given(new Opened("a", "Ada"))
            .when(new Deposited("a", 7));

    AssertionFailedError failure =
        catchThrowableOfType(
            AssertionFailedError.class, () -> scenario.then(Entry.class, new Entry("a/1", "a", 8)));

    assertThat(failure)
        .hasMessageStartingWith("The read model of Entry differs: expected 1 document(s), got 1")
        .hasMessageContaining("document a/1 (Entry) differs in amount: expected 8 but was 7");
    assertThat(failure.getExpected().getValue()).isEqualTo("Entry[id=a/1, account=a, amount=8]");
    assertThat(failure.getActual().getValue()).isEqualTo("Entry[id=a/1, account=a, amount=7]");
  }

  @Test
  void documents_are_paired_by_id_so_that_a_missing_one_is_named_and_shifts_nothing() {
    var scenario =
        ProjectorScenario.forReadModels(SeveralReadModelsTest::ledger)
            .withAggregateId("a")
            .given(new Opened("a", "Ada"), new Deposited("a", 5))
            .when(new Deposited("a", 7));

    assertThatThrownBy(
            () ->
                scenario.then(
                    Entry.class,
                    new Entry("a/0", "a", 1),
                    new Entry("a/1", "a", 5),
                    new Entry("a/2", "a", 7)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("document a/0 (Entry) is missing")
        .hasMessageNotContaining("document a/1")
        .hasMessageNotContaining("document a/2");
    assertThatThrownBy(() -> scenario.then(Entry.class, new Entry("a/1", "a", 5)))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("document a/2 (Entry) was not expected");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> scenario.then(Entry.class, new Entry("a/1", "a", 5), new Entry("a/1", "a", 6)))
        .withMessageContaining("Two expected items have the key a/1");
  }

  @Test
  void a_read_model_may_be_one_of_the_tests_choosing() {
    var balances = InMemoryReadModelRepository.<Balance>create();

    ProjectorScenario.forReadModels(
            ReadModels.inMemory().with(Balance.class, balances), SeveralReadModelsTest::ledger)
        .withAggregateId("b")
        .when(new Opened("b", "Bo"));

    assertThat(balances.find("b")).contains(new Balance("b", 0));
  }

  @Test
  void the_untyped_checks_refuse_a_scenario_of_several_read_models() {
    var scenario = ProjectorScenario.forReadModels(SeveralReadModelsTest::ledger);

    assertThatIllegalStateException()
        .isThrownBy(scenario::then)
        .withMessageContaining("writes 2 read models [Balance, Entry]")
        .withMessageContaining("then(Type.class, ...)");
  }

  @Test
  void the_untyped_checks_serve_a_scenario_whose_projector_asked_for_one_read_model() {
    ProjectorScenario.forReadModels(
            models -> new LedgerProjector(models.repository(Balance.class), null))
        .withAggregateId("c")
        .when(new Opened("c", "Cy"))
        .then(new Balance("c", 0));
  }

  @Test
  void a_scenario_of_one_read_model_has_no_typed_lookup() {
    var scenario =
        ProjectorScenario.<Balance>forProjector(
            balances -> new LedgerProjector(balances, InMemoryReadModelRepository.create()));

    assertThatIllegalStateException()
        .isThrownBy(() -> scenario.then(Balance.class))
        .withMessageContaining("forReadModels");
  }

  @Test
  void a_type_gets_one_repository() {
    var models = ReadModels.inMemory().with(Balance.class, InMemoryReadModelRepository.create());

    assertThatIllegalStateException()
        .isThrownBy(() -> models.with(Balance.class, InMemoryReadModelRepository.create()))
        .withMessageContaining(Balance.class.getName());
    assertThat(models.repository(Balance.class)).isSameAs(models.repository(Balance.class));
  }
}
