package dev.boulevard.wallet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.eventstore.jdbc.AggregateFactories;
import dev.boulevard.eventstore.jdbc.HistoryVerifier;
import dev.boulevard.eventstore.jdbc.JdbcEventStore;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.eventstore.jdbc.RawRows;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.eventstore.jdbc.VerificationFailure;
import dev.boulevard.eventstore.jdbc.VerificationReport;
import dev.boulevard.eventstore.jdbc.VerifyCommand;
import dev.boulevard.wallet.domain.CreditKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The golden history: wallet events as the first version stored them, frozen in {@code
 * golden/golden-history-v1.json}, must still read through the current serializer and upcasters and
 * replay to their recorded balances; a copy with one broken event is named by the verifier.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoldenHistoryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger TABLES = new AtomicInteger();

  @Nested
  class OnH2 extends GoldenHistoryBehaviour {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends GoldenHistoryBehaviour {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends GoldenHistoryBehaviour {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in =
        GoldenHistoryTest.class.getResourceAsStream("/dev/boulevard/wallet/golden/" + name)) {
      return JSON.readTree(in);
    }
  }

  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  abstract static class GoldenHistoryBehaviour {

    private final TestDatabase database;
    private final String table =
        "golden_"
            + Long.toString(ProcessHandle.current().pid(), 36)
            + "_"
            + TABLES.incrementAndGet();

    GoldenHistoryBehaviour(TestDatabase database) {
      this.database = database;
    }

    @BeforeEach
    void createTheTable() {
      JdbcSchema.eventStore(database.dataSource(), table).migrate();
    }

    @AfterEach
    void dropTheTable() throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        for (String suffix : List.of("", "_append_lock", "_schema_version")) {
          statement.execute("DROP TABLE IF EXISTS " + table + suffix);
        }
        if (database == TestDatabase.POSTGRESQL) {
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_refuse_change()");
          statement.execute("DROP FUNCTION IF EXISTS " + table + "_notify()");
        }
      }
    }

    /** Inserts the fixture's rows with plain JDBC, in order; returns their positions. */
    private List<Long> insert(JsonNode fixture) throws Exception {
      var rows = new ArrayList<RawRows.Row>();
      for (JsonNode event : fixture.get("events")) {
        String id = event.get("aggregateId").asText();
        long playhead = event.get("playhead").asLong();
        rows.add(
            new RawRows.Row(
                UUID.nameUUIDFromBytes((id + "@" + playhead).getBytes(StandardCharsets.UTF_8)),
                id,
                playhead,
                event.get("type").asText(),
                event.get("version").asInt(),
                JSON.writeValueAsString(event.get("payload")),
                JSON.writeValueAsString(event.get("metadata")),
                Instant.parse(event.get("recordedOn").asText())));
      }
      return RawRows.insert(database, table, rows);
    }

    private HistoryVerifier verifier() {
      return HistoryVerifier.builder(database.dataSource(), WalletApp.serializer())
          .table(table)
          .aggregates(AggregateFactories.all(WalletApp.walletFactory()))
          .build();
    }

    /** Replays each wallet the fixture records balances of, through the store, as the app does. */
    private void assertReplaysToTheRecordedBalances(JsonNode fixture) {
      Instant asOf = Instant.parse(fixture.get("asOf").asText());
      try (var store =
          JdbcEventStore.builder(database.dataSource(), WalletApp.serializer())
              .table(table)
              .build()) {
        fixture
            .get("balances")
            .properties()
            .forEach(
                wallet -> {
                  var expected = new EnumMap<CreditKind, Long>(CreditKind.class);
                  wallet
                      .getValue()
                      .properties()
                      .forEach(
                          kind ->
                              expected.put(
                                  CreditKind.valueOf(kind.getKey()), kind.getValue().asLong()));
                  Map<CreditKind, Long> balances =
                      WalletApp.walletFactory()
                          .create(wallet.getKey(), store.load(wallet.getKey()))
                          .balances(asOf);
                  assertThat(balances).as(wallet.getKey()).isEqualTo(expected);
                });
      }
    }

    @Test
    void the_golden_history_verifies_clean_and_replays_to_its_recorded_balances() throws Exception {
      JsonNode golden = fixture("golden-history-v1.json");
      insert(golden);

      VerificationReport report = verifier().verify();

      assertThat(report.failures()).isEmpty();
      assertThat(report)
          .extracting(
              VerificationReport::rowsRead,
              VerificationReport::eventsRead,
              VerificationReport::aggregatesReplayed)
          .containsExactly(25L, 25L, 3L);
      assertThat(golden.get("balances").size()).isEqualTo(3);
      assertReplaysToTheRecordedBalances(golden);
    }

    @Test
    void the_verifier_names_the_broken_event_and_still_verifies_the_rest() throws Exception {
      JsonNode broken = fixture("golden-history-broken.json");
      List<Long> positions = insert(broken);
      JsonNode named = broken.get("brokenEvent");
      int index = 0;
      while (!broken.get("events").get(index).get("aggregateId").equals(named.get("aggregateId"))
          || broken.get("events").get(index).get("playhead").asLong()
              != named.get("playhead").asLong()) {
        index++;
      }
      long position = positions.get(index);

      VerificationReport report = verifier().verify();

      assertThat(report.failures())
          .extracting(
              VerificationFailure::kind,
              VerificationFailure::position,
              VerificationFailure::aggregateId,
              VerificationFailure::type)
          .containsExactly(
              tuple(VerificationFailure.Kind.EVENT, position, "carol", "RefundCreditsAdded"),
              tuple(VerificationFailure.Kind.AGGREGATE, position, "carol", "RefundCreditsAdded"));
      assertThat(report.failures().get(0).error()).contains("forty");
      assertThat(report.rowsRead()).isEqualTo(25);
      assertThat(report.eventsRead()).isEqualTo(24);
      assertThat(report.aggregatesReplayed()).isEqualTo(2);
      assertReplaysToTheRecordedBalances(broken);
    }

    @Test
    void the_wallets_verify_command_answers_0_for_the_golden_history_and_1_for_the_broken_one()
        throws Exception {
      String[] options = {
        "--jdbc-url", database.url(),
        "--jdbc-user", database.user(),
        "--jdbc-password", database.password(),
        "--table", table
      };
      VerifyCommand command = WalletVerification.command(Map.of());
      var out = new ByteArrayOutputStream();
      var errors = new ByteArrayOutputStream();
      var err = new PrintStream(errors, true, StandardCharsets.UTF_8);
      insert(fixture("golden-history-v1.json"));

      int clean = command.run(options, new PrintStream(out, true, StandardCharsets.UTF_8), err);

      assertThat(clean).as(errors.toString(StandardCharsets.UTF_8)).isEqualTo(VerifyCommand.CLEAN);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("OK: 25 rows read, 25 events, 3 aggregates replayed");

      long position =
          RawRows.insert(
                  database,
                  table,
                  List.of(RawRows.Row.of("dave", 0, "WalletOpened", 1, "{\"userId\":\"dave\"}")))
              .get(0);
      out.reset();
      int failed = command.run(options, new PrintStream(out, true, StandardCharsets.UTF_8), err);

      assertThat(failed).isEqualTo(VerifyCommand.FAILED);
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Unreadable event at position " + position + ": aggregate 'dave', playhead 0")
          .contains("Unknown event type 'WalletOpened'")
          .contains("FAILED: 26 rows read, 25 events, 3 aggregates replayed");
    }
  }
}
