package dev.boulevard.readmodel.saga;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.contract.SagasContract.AccountWatch;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SagasBuilderTest {

  private final SagasBuilder builder =
      Sagas.builder(
          new InMemoryEventStore(),
          InMemoryReadModelStorage.create(),
          new SimpleCommandBus(),
          AccountWatch.COMMANDS);

  @Test
  void refuses_a_process_manager_added_twice() {
    builder.add(new AccountWatch("watch"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.add(new AccountWatch("watch")))
        .withMessage("Process manager watch is added twice");
  }

  @Test
  void refuses_to_build_without_a_process_manager() {
    assertThatIllegalStateException()
        .isThrownBy(builder::build)
        .withMessageContaining("Add a process manager");
  }

  @Test
  void refuses_bad_settings() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.tables("bad name", "outbox"))
        .withMessageContaining("bad name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.pollInterval(Duration.ZERO))
        .withMessageContaining("more than zero");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> builder.batchSize(0))
        .withMessageContaining("1 event or more");
  }
}
