package dev.boulevard.readmodel.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.contract.ContractEvent.Deposited;
import dev.boulevard.eventstore.contract.ContractEvent.Opened;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectorScenarioTest {

  record Account(String id, String owner, long total, long lastPlayhead, String source, Instant at)
      implements ReadModel {}

  static final class AccountProjector extends Projector {
    AccountProjector(ReadModelRepository<Account> accounts) {
      on(
          Opened.class,
          (opened, message) ->
              accounts.save(
                  new Account(
                      opened.account(),
                      opened.owner(),
                      0,
                      message.playhead(),
                      message.metadata().get("source").orElse("?"),
                      message.recordedOn())));
      on(
          Deposited.class,
          (deposited, message) -> {
            Account account = accounts.find(message.aggregateId()).orElseThrow();
            accounts.save(
                new Account(
                    account.id(),
                    account.owner(),
                    account.total() + deposited.amount(),
                    message.playhead(),
                    account.source(),
                    message.recordedOn()));
          });
    }
  }

  @Test
  void given_events_when_an_event_then_the_read_model_holds_exactly_the_expected_documents() {
    var scenario = ProjectorScenario.<Account>forProjector(AccountProjector::new);
    Instant start = scenario.clock().instant();

    scenario
        .withAggregateId("a")
        .withMetadata(Metadata.of("source", "web"))
        .given(new Opened("a", "Ada"), new Deposited("a", 5))
        .withAggregateId("b")
        .given(new Opened("b", "Bo"))
        .withAggregateId("a");
    scenario.clock().advance(Duration.ofMinutes(1));
    scenario
        .when(new Deposited("a", 7))
        .then(
            new Account("b", "Bo", 0, 0, "web", start),
            new Account("a", "Ada", 12, 2, "web", start.plusSeconds(60)))
        .thenRepository(repository -> assertThat(repository.findAll()).hasSize(2));
  }

  @Test
  void a_difference_fails_with_both_sides_sorted_by_id() {
    var scenario =
        ProjectorScenario.<Account>forProjector(AccountProjector::new)
            .withAggregateId("a")
            .when(new Opened("a", "Ada"));
    Instant at = scenario.clock().instant();

    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(() -> scenario.then(new Account("a", "Ada", 1, 0, "?", at)))
        .withMessageContaining("The read model differs: expected 1 document(s), got 1")
        .withMessageContaining("total=1")
        .withMessageContaining("total=0");
    assertThatExceptionOfType(AssertionError.class)
        .isThrownBy(scenario::then)
        .withMessageContaining("expected 0 document(s), got 1");
  }

  @Test
  void given_after_when_is_refused() {
    var scenario =
        ProjectorScenario.<Account>forProjector(AccountProjector::new).when(new Opened("a", "A"));

    assertThatExceptionOfType(IllegalStateException.class)
        .isThrownBy(() -> scenario.given(new Deposited("a", 1)))
        .withMessageContaining("before when");
  }

  @Test
  void a_projector_that_throws_fails_the_test_at_once_without_a_then() {
    var scenario = ProjectorScenario.<Account>forProjector(AccountProjector::new);

    assertThatExceptionOfType(NoSuchElementException.class)
        .isThrownBy(() -> scenario.when(new Deposited("nobody", 1)));
  }

  @Test
  void runs_on_a_repository_of_the_tests_choosing() {
    var repository = InMemoryReadModelRepository.<Account>create();

    ProjectorScenario.forProjector(repository, AccountProjector::new).when(new Opened("1", "Cy"));

    assertThat(repository.find("1")).get().extracting(Account::owner).isEqualTo("Cy");
  }
}
