package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventsourcing.AggregateFactory;
import dev.boulevard.eventstore.jdbc.RawRows.Row;
import dev.boulevard.eventstore.jdbc.VerificationFailure.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The verifier reads every row and replays every aggregate, naming each one that fails. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HistoryVerifierTest {

  @Nested
  class OnH2 extends VerifierBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends VerifierBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends VerifierBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  static final AggregateFactories LEDGERS =
      AggregateFactories.all(AggregateFactory.of(Ledger::new));

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class VerifierBehaviour {

    private final TestStores stores;
    private String table;

    VerifierBehaviour(TestDatabase database) {
      this.stores = new TestStores(database);
    }

    @BeforeEach
    void storeTheOldRows() throws SQLException {
      table = stores.newTable();
      JdbcSchema.eventStore(stores.database().dataSource(), table).migrate();
      RawRows.insert(stores.database(), table, UpcastingTest.oldRows());
    }

    @AfterEach
    void drop() throws SQLException {
      stores.close();
    }

    private HistoryVerifier.Builder verifier() {
      return HistoryVerifier.builder(stores.database().dataSource(), LedgerEvent.SERIALIZER)
          .table(table)
          .aggregates(LEDGERS);
    }

    @Test
    void a_history_that_upcasts_and_replays_is_clean() {
      VerificationReport report = verifier().fetchSize(1).build().verify();

      assertThat(report.failures()).isEmpty();
      assertThat(report.isClean()).isTrue();
      assertThat(report)
          .extracting(
              VerificationReport::rowsRead,
              VerificationReport::eventsRead,
              VerificationReport::aggregatesReplayed,
              VerificationReport::aggregatesSkipped)
          .containsExactly(6L, 8L, 2L, 0L);
      assertThat(report.describe())
          .isEqualTo("OK: 6 rows read, 8 events, 2 aggregates replayed, 0 skipped, 0 failures");
    }

    @Test
    void a_broken_event_is_named_and_the_rest_is_still_verified() throws SQLException {
      List<Long> positions =
          RawRows.insert(
              stores.database(),
              table,
              List.of(
                  Row.of("L3", 0, "ledger.opened", 3, opened("L3")),
                  Row.of("L3", 1, "ledger.deposited", 1, "{\"ledger\":\"L3\",\"amount\":\"lots\"}"),
                  Row.of("L3", 2, "ledger.deposited", 1, "{\"ledger\":\"L3\",\"amount\":5}")));
      long broken = positions.get(1);

      VerificationReport report = verifier().build().verify();

      assertThat(report.failures())
          .extracting(
              VerificationFailure::kind,
              VerificationFailure::position,
              VerificationFailure::aggregateId,
              VerificationFailure::playhead,
              VerificationFailure::type,
              VerificationFailure::version)
          .containsExactly(
              org.assertj.core.api.Assertions.tuple(
                  Kind.EVENT, broken, "L3", 1L, "ledger.deposited", 1),
              org.assertj.core.api.Assertions.tuple(
                  Kind.AGGREGATE, broken, "L3", 1L, "ledger.deposited", 1));
      assertThat(report.failures().get(0).error()).contains("ledger.deposited").contains("lots");
      assertThat(report.failures().get(0).describe())
          .startsWith("Unreadable event at position " + broken + ": aggregate 'L3', playhead 1");
      assertThat(report)
          .extracting(
              VerificationReport::rowsRead,
              VerificationReport::eventsRead,
              VerificationReport::aggregatesReplayed,
              VerificationReport::failureCount)
          .containsExactly(9L, 10L, 2L, 2L);
    }

    @Test
    void an_aggregate_that_cannot_replay_is_named_at_the_row_it_fails_on() throws SQLException {
      List<Long> positions =
          RawRows.insert(
              stores.database(),
              table,
              List.of(
                  Row.of("L5", 0, "ledger.opened", 3, opened("L5")),
                  Row.of("L5", 2, "ledger.deposited", 1, "{\"ledger\":\"L5\",\"amount\":5}")));

      VerificationReport report = verifier().build().verify();

      assertThat(report.failures()).hasSize(1);
      VerificationFailure failure = report.failures().get(0);
      assertThat(failure.kind()).isEqualTo(Kind.AGGREGATE);
      assertThat(failure.position()).isEqualTo(positions.get(1));
      assertThat(failure.playhead()).isEqualTo(2);
      assertThat(failure.error()).contains("expected playhead 1");
      assertThat(report.aggregatesReplayed()).isEqualTo(2);
    }

    @Test
    void the_factories_may_leave_aggregates_out() {
      var seen = new ArrayList<String>();
      AggregateFactories onlyL1 =
          (id, first) -> {
            seen.add(id + ":" + first.payload().getClass().getSimpleName());
            return id.equals("L1")
                ? Optional.of(AggregateFactory.of(Ledger::new))
                : Optional.empty();
          };

      VerificationReport report = verifier().aggregates(onlyL1).build().verify();

      assertThat(seen).containsExactly("L1:Opened", "L2:Opened");
      assertThat(report.aggregatesReplayed()).isEqualTo(1);
      assertThat(report.aggregatesSkipped()).isEqualTo(1);
      assertThat(report.isClean()).isTrue();
    }

    @Test
    void the_report_lists_up_to_its_limit_and_counts_every_failure() throws SQLException {
      RawRows.insert(
          stores.database(),
          table,
          List.of(
              Row.of("L6", 0, "ledger.closed", 1, "{}"),
              Row.of("L7", 0, "ledger.closed", 1, "{}")));

      VerificationReport report = verifier().maxReportedFailures(1).build().verify();

      assertThat(report.failures()).hasSize(1);
      assertThat(report.failureCount()).isEqualTo(4); // two rows, two aggregates
      assertThat(report.summary()).endsWith("4 failures (1 reported)");
    }

    @Test
    void the_command_answers_0_when_clean_1_on_a_failure_and_2_on_a_usage_error()
        throws SQLException {
      var command = VerifyCommand.of(LedgerEvent.SERIALIZER, LEDGERS).defaultTable(table);
      TestDatabase database = stores.database();
      String[] connection = {
        "--jdbc-url",
        database.url(),
        "--jdbc-user",
        database.user(),
        "--jdbc-password",
        database.password()
      };
      var out = new ByteArrayOutputStream();
      var err = new ByteArrayOutputStream();

      int clean = command.run(connection, print(out), print(err));
      assertThat(clean).isEqualTo(VerifyCommand.CLEAN);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: 6 rows read");

      long broken =
          RawRows.insert(database, table, List.of(Row.of("L8", 0, "ledger.opened", 9, "{}")))
              .get(0);
      out.reset();
      int failed = command.run(connection, print(out), print(err));
      assertThat(failed).isEqualTo(VerifyCommand.FAILED);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Unreadable event at position " + broken)
          .contains("newer than its current version 3")
          .contains("FAILED: 7 rows read");

      assertThat(command.run(new String[] {"--jdbc-url"}, print(out), print(err)))
          .isEqualTo(VerifyCommand.USAGE);
      assertThat(command.run(new String[] {"--colour", "red"}, print(out), print(err)))
          .isEqualTo(VerifyCommand.USAGE);
      assertThat(command.run(new String[0], print(out), print(err))).isEqualTo(VerifyCommand.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .contains("Unknown option --colour")
          .contains("--jdbc-url is required");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
      return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String opened(String id) {
      return "{\"ledger\":\"" + id + "\",\"owner\":\"Cy\",\"currency\":\"EUR\"}";
    }
  }
}
