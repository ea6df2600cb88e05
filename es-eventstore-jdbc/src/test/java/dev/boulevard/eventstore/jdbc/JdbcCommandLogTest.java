package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.auditing.CommandLogEntry;
import dev.boulevard.auditing.CommandLogEntry.Outcome;
import dev.boulevard.auditing.CommandLogger;
import dev.boulevard.commandhandling.CommandBus;
import dev.boulevard.commandhandling.SimpleCommandBus;
import dev.boulevard.commandhandling.TypedCommandHandler;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC command log on H2, PostgreSQL and MariaDB, fed by a real command bus. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JdbcCommandLogTest {

  record Deposit(String account, long amount) {}

  record Withdraw(String account, long amount) {}

  record Ping() {}

  /** A command whose only property cannot be read, so Jackson cannot write it. */
  static final class Sealed {
    public String getSecret() {
      throw new IllegalStateException("sealed");
    }
  }

  /** Keeps balances and refuses to withdraw more than an account holds. */
  static final class Accounts extends TypedCommandHandler {
    private final Map<String, Long> balances = new HashMap<>();

    Accounts() {
      on(Deposit.class, deposit -> balances.merge(deposit.account(), deposit.amount(), Long::sum));
      on(Withdraw.class, this::withdraw);
    }

    private void withdraw(Withdraw withdraw) {
      long balance = balances.getOrDefault(withdraw.account(), 0L);
      if (balance < withdraw.amount()) {
        throw new IllegalStateException(
            "account " + withdraw.account() + " holds " + balance + ", not " + withdraw.amount());
      }
      balances.put(withdraw.account(), balance - withdraw.amount());
    }
  }

  private static final Instant NOW = Instant.parse("2024-05-01T10:15:30.123456789Z");
  private static final Instant NOW_IN_MICROS = Instant.parse("2024-05-01T10:15:30.123456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger TABLES = new AtomicInteger();

  @Test
  void refuses_a_table_name_that_is_not_safe_in_sql() {
    var builder = JdbcCommandLog.builder(new JdbcDataSource());

    assertThatThrownBy(() -> builder.table("log; DROP TABLE events"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void does_not_throw_when_its_database_is_unreachable() {
    var unreachable = new JdbcDataSource();
    unreachable.setURL("jdbc:h2:file:/nonexistent/boulevard/command_log;IFEXISTS=TRUE");
    var log = JdbcCommandLog.builder(unreachable).dialect(Dialect.H2).build();

    assertThatCode(
            () -> log.record(CommandLogEntry.succeeded(new Deposit("a-1", 5), NOW, Duration.ZERO)))
        .doesNotThrowAnyException();
  }

  @Nested
  class OnH2 extends CommandLogOnDatabase {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends CommandLogOnDatabase {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends CommandLogOnDatabase {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  abstract static class CommandLogOnDatabase {

    private final TestDatabase database;
    private final String table =
        "cl_" + Long.toString(ProcessHandle.current().pid(), 36) + "_" + TABLES.incrementAndGet();
    private final JdbcSchema schema;
    private final JdbcCommandLog log;
    private final CommandBus bus;

    CommandLogOnDatabase(TestDatabase database) {
      this.database = database;
      DataSource dataSource = database.dataSource();
      this.schema = JdbcSchema.commandLog(dataSource, table);
      schema.migrate();
      this.log = JdbcCommandLog.builder(dataSource).table(table).build();
      this.bus = CommandLogger.around(new SimpleCommandBus(), log, CLOCK);
      bus.subscribe(new Accounts());
    }

    private void insertVersion1Row(String into, String outcome, String error) throws SQLException {
      execute(
          "INSERT INTO "
              + into
              + " (command_type, command, outcome, error, dispatched_at, duration_micros)"
              + " VALUES ('Withdraw', '{}', '"
              + outcome
              + "', "
              + error
              + ", TIMESTAMP '2024-05-01 10:15:30', 0)");
    }

    @AfterEach
    void drop() throws SQLException {
      execute("DROP TABLE IF EXISTS " + table);
      execute("DROP TABLE IF EXISTS " + table + "_schema_version");
    }

    @Test
    void stores_a_command_that_succeeded() throws Exception {
      bus.dispatch(new Deposit("a-1", 10));

      StoredCommand stored = log.newest(1).get(0);
      assertThat(stored.commandType()).isEqualTo("Deposit");
      JsonNode command = JSON.readTree(stored.commandJson());
      assertThat(command.get("account").asText()).isEqualTo("a-1");
      assertThat(command.get("amount").asLong()).isEqualTo(10);
      assertThat(stored.outcome()).isEqualTo(new Outcome.Succeeded());
      assertThat(stored.succeeded()).isTrue();
      assertThat(stored.error()).isEmpty();
      assertThat(stored.dispatchedAt()).isEqualTo(NOW_IN_MICROS);
      assertThat(stored.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void stores_a_command_that_failed_with_its_error() throws Exception {
      Throwable thrown = catchThrowable(() -> bus.dispatch(new Withdraw("a-1", 5)));

      assertThat(thrown).isInstanceOf(IllegalStateException.class);
      StoredCommand stored = log.newest(1).get(0);
      assertThat(stored.commandType()).isEqualTo("Withdraw");
      JsonNode command = JSON.readTree(stored.commandJson());
      assertThat(command.get("account").asText()).isEqualTo("a-1");
      assertThat(command.get("amount").asLong()).isEqualTo(5);
      assertThat(stored.outcome())
          .isEqualTo(
              new Outcome.Failed("java.lang.IllegalStateException", "account a-1 holds 0, not 5"));
      assertThat(stored.succeeded()).isFalse();
      assertThat(stored.error())
          .contains("java.lang.IllegalStateException: account a-1 holds 0, not 5");
      assertThat(stored.dispatchedAt()).isEqualTo(NOW_IN_MICROS);
      assertThat(stored.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void stores_a_failure_s_type_apart_from_a_message_that_holds_colons_or_nothing() {
      log.record(
          CommandLogEntry.failed(
              new Ping(), new IllegalArgumentException("a: b: c"), NOW, Duration.ZERO));
      log.record(
          CommandLogEntry.failed(new Ping(), new NullPointerException(), NOW, Duration.ZERO));

      assertThat(log.newest(2))
          .extracting(StoredCommand::outcome)
          .containsExactly(
              new Outcome.Failed("java.lang.NullPointerException", ""),
              new Outcome.Failed("java.lang.IllegalArgumentException", "a: b: c"));
    }

    @Test
    void splits_the_failures_stored_before_version_2_into_type_and_message() throws Exception {
      String older = table + "_v1";
      try (Connection connection = database.dataSource().getConnection()) {
        SchemaMigration.apply(
            connection,
            Dialect.detect(connection),
            older,
            new SchemaScripts(
                JdbcSchema.class,
                "command_log",
                List.of(SchemaScripts.Version.of("V1__create_command_log.sql"))));
      }
      try {
        insertVersion1Row(older, "FAILED", "'java.lang.IllegalStateException: a: b'");
        insertVersion1Row(older, "FAILED", "'java.lang.NullPointerException'");
        insertVersion1Row(older, "SUCCEEDED", "NULL");

        JdbcSchema.commandLog(database.dataSource(), older).migrate();

        assertThat(JdbcCommandLog.builder(database.dataSource()).table(older).build().newest(3))
            .extracting(StoredCommand::outcome)
            .containsExactly(
                new Outcome.Succeeded(),
                new Outcome.Failed("java.lang.NullPointerException", ""),
                new Outcome.Failed("java.lang.IllegalStateException", "a: b"));
      } finally {
        execute("DROP TABLE IF EXISTS " + older);
        execute("DROP TABLE IF EXISTS " + older + "_schema_version");
      }
    }

    @Test
    void reads_the_newest_entries_first_up_to_the_limit() {
      bus.dispatch(new Deposit("a-1", 1));
      bus.dispatch(new Deposit("a-1", 2));
      bus.dispatch(new Deposit("a-1", 3));

      assertThat(log.newest(2))
          .extracting(StoredCommand::commandJson)
          .satisfiesExactly(
              first -> assertThat(JSON.readTree(first).get("amount").asLong()).isEqualTo(3),
              second -> assertThat(JSON.readTree(second).get("amount").asLong()).isEqualTo(2));
      assertThat(log.newest(0)).isEmpty();
      assertThat(log.newest(10)).hasSize(3);
    }

    @Test
    void stores_a_command_that_cannot_be_written_as_json_by_its_class_name() throws Exception {
      log.record(CommandLogEntry.succeeded(new Sealed(), NOW, Duration.ZERO));

      JsonNode command = JSON.readTree(log.newest(1).get(0).commandJson());
      assertThat(command.get("unserializable").asText()).isEqualTo(Sealed.class.getName());
    }

    @Test
    void stores_a_command_without_properties_as_an_empty_object() {
      log.record(CommandLogEntry.succeeded(new Ping(), NOW, Duration.ZERO));

      assertThat(log.newest(1).get(0).commandJson()).isEqualTo("{}");
    }

    @Test
    void migrates_a_second_time_without_changing_anything() throws SQLException {
      bus.dispatch(new Deposit("a-1", 10));

      schema.migrate();

      assertThat(log.newest(10)).hasSize(1);
      assertThat(count(table + "_schema_version")).isEqualTo(schema.versions().size());
    }

    @Test
    void does_not_throw_when_its_table_is_gone() throws SQLException {
      execute("DROP TABLE " + table);

      assertThatCode(() -> bus.dispatch(new Deposit("a-1", 10))).doesNotThrowAnyException();
      assertThatCode(
              () ->
                  log.record(CommandLogEntry.succeeded(new Deposit("a-1", 5), NOW, Duration.ZERO)))
          .doesNotThrowAnyException();
    }

    private void execute(String sql) throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      }
    }

    private long count(String countedTable) throws SQLException {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + countedTable)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
