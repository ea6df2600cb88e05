package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.boulevard.auditing.CommandLogEntry;
import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.domain.DomainMessage;
import dev.boulevard.domain.Metadata;
import dev.boulevard.eventstore.DuplicatePlayheadException;
import dev.boulevard.eventstore.EventStore;
import dev.boulevard.eventstore.contract.ContractEvent;
import dev.boulevard.unitofwork.UnitOfWork;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A command's events and its audit row in one {@link JdbcUnitOfWork} on H2, PostgreSQL and MariaDB,
 * through the real command bus, counting the connections it checks out.
 */
class JdbcUnitOfWorkTest {

  record Deposit(String account, long amount) {}

  /** Deposits, then fails: its events must not be stored. */
  record DepositThenFail(String account) {}

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T10:15:30Z"), ZoneOffset.UTC);

  @Nested
  class OnH2 extends UnitOfWorkBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends UnitOfWorkBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends UnitOfWorkBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  /** Runs each attempt in a fresh unit, again while it loses the race for a playhead. */
  static final class RetryingUnitOfWork implements UnitOfWork {
    private final UnitOfWork unit;
    private final int attempts;

    RetryingUnitOfWork(UnitOfWork unit, int attempts) {
      this.unit = unit;
      this.attempts = attempts;
    }

    @Override
    public <T> T run(Supplier<T> work) {
      for (int attempt = 1; ; attempt++) {
        try {
          return unit.run(work);
        } catch (DuplicatePlayheadException e) {
          if (attempt == attempts) {
            throw e;
          }
        }
      }
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class UnitOfWorkBehaviour {

    private final TestStores stores;
    private final CountingDataSource counting;
    private final String events;
    private final JdbcEventStore store;
    private final JdbcCommandLog log;
    private final JdbcUnitOfWork unit;
    private final CommandBus bus;
    private final List<Integer> loadedLengths = new ArrayList<>();
    private Runnable beforeAppend = () -> {};

    UnitOfWorkBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
      this.counting = new CountingDataSource(database.dataSource());
      this.events = stores.newTable();
      String commands = stores.newTable();
      JdbcSchema.eventStore(counting, events).migrate();
      JdbcSchema.commandLog(counting, commands).migrate();
      this.store = JdbcEventStore.builder(counting, TestStores.SERIALIZER).table(events).build();
      this.log = JdbcCommandLog.builder(counting).table(commands).build();
      this.unit = store.unitOfWork();
      var inner = new SimpleCommandBus();
      inner.subscribe(new Accounts());
      this.bus = CommandLogger.around(inner, log, CLOCK, new RetryingUnitOfWork(unit, 3));
    }

    /** Appends a deposit after the account's stored events. */
    private final class Accounts extends TypedCommandHandler {
      Accounts() {
        on(Deposit.class, d -> handle(d.account(), d.amount()));
        on(
            DepositThenFail.class,
            d -> {
              handle(d.account(), 1);
              throw new IllegalStateException("refused after appending");
            });
      }

      private void handle(String account, long amount) {
        DomainEventStream stored = store.loadFromPlayhead(account, 0);
        loadedLengths.add(stored.size());
        beforeAppend.run();
        store.append(account, deposit(account, stored.size(), amount));
      }
    }

    @AfterEach
    void close() throws SQLException {
      store.close();
      stores.close();
    }

    @Test
    void commits_a_command_s_events_and_its_audit_row_together_on_one_connection() {
      counting.reset();

      bus.dispatch(new Deposit("a-1", 10));

      assertThat(counting.connections()).isEqualTo(1);
      assertThat(store.loadFromPlayhead("a-1", 0).size()).isEqualTo(1);
      assertThat(log.newest(10))
          .singleElement()
          .satisfies(row -> assertThat(row.succeeded()).isTrue());
    }

    @Test
    void a_failure_inside_the_unit_leaves_neither_events_nor_a_success_row() {
      Throwable thrown =
          catchThrowable(
              () ->
                  unit.run(
                      () -> {
                        store.append("a-1", deposit("a-1", 0, 5));
                        log.record(
                            CommandLogEntry.succeeded(
                                new Deposit("a-1", 5), CLOCK.instant(), Duration.ZERO));
                        throw new IllegalStateException("changed my mind");
                      }));

      assertThat(thrown).hasMessage("changed my mind");
      assertThat(store.loadFromPlayhead("a-1", 0).size()).isZero();
      assertThat(log.newest(10)).isEmpty();
    }

    @Test
    void writes_a_failed_command_s_audit_row_on_its_own_and_none_of_its_events() {
      Throwable thrown = catchThrowable(() -> bus.dispatch(new DepositThenFail("a-1")));

      assertThat(thrown).hasMessage("refused after appending");
      assertThat(store.loadFromPlayhead("a-1", 0).size()).isZero();
      assertThat(log.newest(10))
          .singleElement()
          .satisfies(
              row -> {
                assertThat(row.succeeded()).isFalse();
                assertThat(row.error()).hasValueSatisfying(e -> assertThat(e).contains("refused"));
              });
    }

    @Test
    void retries_a_lost_race_in_a_fresh_transaction_and_audits_it_once() {
      // Another writer, on a data source of its own, takes playhead 0 while the first attempt runs.
      EventStore rival = stores.storeOn(events, builder -> builder);
      beforeAppend =
          () -> {
            beforeAppend = () -> {};
            rival.append("a-1", deposit("a-1", 0, 100));
          };
      counting.reset();

      bus.dispatch(new Deposit("a-1", 10));

      assertThat(loadedLengths).containsExactly(0, 1);
      assertThat(counting.connections()).isGreaterThanOrEqualTo(2);
      assertThat(store.loadFromPlayhead("a-1", 0).size()).isEqualTo(2);
      assertThat(log.newest(10))
          .singleElement()
          .satisfies(row -> assertThat(row.succeeded()).isTrue());
    }

    @Test
    void work_in_a_unit_inside_another_joins_it_and_rolls_back_with_it() {
      catchThrowable(
          () ->
              unit.run(
                  () -> {
                    unit.run(() -> store.append("a-1", deposit("a-1", 0, 5)));
                    assertThat(unit.connection()).isPresent();
                    throw new IllegalStateException("outer fails");
                  }));

      assertThat(store.loadFromPlayhead("a-1", 0).size()).isZero();
      assertThat(unit.connection()).isEmpty();
    }

    private static DomainEventStream deposit(String account, long playhead, long amount) {
      return DomainEventStream.of(
          DomainMessage.recordNow(
              account,
              playhead,
              Metadata.empty(),
              new ContractEvent.Deposited(account, amount),
              CLOCK));
    }
  }
}
