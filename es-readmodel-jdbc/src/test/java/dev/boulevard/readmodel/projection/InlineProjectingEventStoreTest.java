package dev.boulevard.readmodel.projection;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.contract.ProjectionsContract.Balance;
import dev.boulevard.readmodel.contract.ProjectionsContract.BalanceProjector;
import dev.boulevard.readmodel.jdbc.InlineProjectingEventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Inline projections on each database; beside the tracking ones to share their test domain. */
class InlineProjectingEventStoreTest {

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class Cases {
    JdbcProjectionEnvironment env;
    ReadModelRepository<Balance> balances;
    InlineProjectingEventStore store;
    volatile boolean failing;

    abstract TestDatabase database();

    @BeforeEach
    void createTables() {
      env = new JdbcProjectionEnvironment(database());
      balances = env.storage().repository(env.model("inl"), Balance.class);
      store =
          InlineProjectingEventStore.of(
              env.store(), env.storage(), new BalanceProjector(balances, message -> failing));
    }

    @AfterEach
    void dropTables() throws Exception {
      env.close();
    }

    @Test
    void the_read_model_holds_the_events_as_soon_as_the_append_returns() {
      store.append("a", deposits("a", 0, 3));
      store.append("a", deposits("a", 3, 1));

      assertThat(balances.find("a")).contains(ProjectionEnvironment.complete("a", 4));
      assertThat(store.load("a")).hasSize(4);
    }

    @Test
    void a_failing_projector_fails_the_append_and_nothing_is_stored() {
      store.append("a", deposits("a", 0, 1));
      failing = true;

      assertThatExceptionOfType(IllegalStateException.class)
          .isThrownBy(() -> store.append("a", deposits("a", 1, 2)))
          .withMessageContaining("Refusing a@1");

      assertThat(env.store().load("a")).hasSize(1);
      assertThat(balances.find("a")).contains(ProjectionEnvironment.complete("a", 1));
    }

    @Test
    void a_conflicting_append_changes_no_read_model() {
      store.append("a", deposits("a", 0, 2));

      assertThatExceptionOfType(DuplicatePlayheadException.class)
          .isThrownBy(() -> store.append("a", deposits("a", 1, 1)));

      assertThat(balances.find("a")).contains(ProjectionEnvironment.complete("a", 2));
    }
  }

  @Nested
  class OnH2 extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.H2;
    }
  }

  @Nested
  class OnPostgres extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.POSTGRESQL;
    }
  }

  @Nested
  class OnMariaDb extends Cases {
    @Override
    TestDatabase database() {
      return TestDatabase.MARIADB;
    }
  }
}
