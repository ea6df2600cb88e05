package dev.boulevard.inmemorycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.inmemory.InMemoryEventStore;
import dev.boulevard.readmodel.Projector;
import dev.boulevard.readmodel.ReadModel;
import dev.boulevard.readmodel.ReadModelRepository;
import dev.boulevard.readmodel.inmemory.InMemoryReadModelStorage;
import dev.boulevard.readmodel.projection.Projections;
import dev.boulevard.readmodel.projection.TrackingProjection;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryReadSideTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** An account was credited. */
  record Deposited(long amount) {}

  /** An account's balance, as the projection keeps it. */
  record Balance(String id, long amount) implements ReadModel {}

  /** Adds each deposit to its account's balance. */
  static final class BalanceProjector extends Projector {
    BalanceProjector(ReadModelRepository<Balance> balances) {
      on(
          Deposited.class,
          (deposited, message) -> {
            long before = balances.find(message.aggregateId()).map(Balance::amount).orElse(0L);
            balances.save(new Balance(message.aggregateId(), before + deposited.amount()));
          });
    }
  }

  @Test
  void a_tracking_projection_runs_on_the_in_memory_store_and_storage() throws Exception {
    var store = new InMemoryEventStore();
    deposit(store, "a", 0, 30);
    deposit(store, "b", 0, 5);
    TrackingProjection balances =
        TrackingProjection.named("balances")
            .readModel("balances", Balance.class)
            .projector(
                models -> new BalanceProjector(models.repository("balances", Balance.class)));

    try (Projections projections =
        Projections.builder(store, InMemoryReadModelStorage.create()).add(balances).build()) {
      projections.start();
      assertThat(projections.awaitCheckpoint(store.head(), WAIT)).isTrue();
      deposit(store, "a", 1, 12);
      long position = store.head().position();

      assertThat(projections.awaitPosition(position, WAIT)).isTrue();
      ReadModelRepository<Balance> read = projections.readModel("balances", Balance.class);
      assertThat(read.find("a")).contains(new Balance("a", 42));
      assertThat(read.find("b")).contains(new Balance("b", 5));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org.jdbi.v3.core.Jdbi",
        "org.h2.Driver",
        "org.postgresql.Driver",
        "org.mariadb.jdbc.Driver",
        "com.zaxxer.hikari.HikariDataSource",
        "dev.boulevard.eventstore.jdbc.JdbcEventStore",
        "dev.boulevard.readmodel.jdbc.JdbcReadModelStorage"
      })
  void nothing_of_jdbc_is_on_the_classpath(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }

  private static void deposit(
      InMemoryEventStore store, String account, long playhead, long amount) {
    store.append(
        account,
        DomainEventStream.of(
            DomainMessage.recordNow(
                account, playhead, Metadata.empty(), new Deposited(amount), Clock.systemUTC())));
  }
}
