package dev.boulevard.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.eventstore.jdbc.Dialect;
import dev.boulevard.eventstore.jdbc.JdbcSchema;
import dev.boulevard.wallet.domain.WalletCommand;
import dev.boulevard.wallet.domain.WalletCommand.AddWalletCredits;
import dev.boulevard.wallet.domain.WalletCommand.SubCredits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The wallet's two benchmarked commands in plain JDBC, the limit of what any library could do: load
 * the wallet's rows, decide with the same rule (no spend beyond the balance, no spend from a wallet
 * that does not exist), insert the event and the audit row in one transaction on one connection; a
 * refused command's audit row is inserted after the rollback, on the same connection. The tables
 * have the store's and the command log's own schemas.
 */
final class PlainWalletCommands {

  static final String EVENTS_TABLE = "plain_wallet_events";
  static final String COMMANDS_TABLE = "plain_wallet_commands";

  /** An event's payload: credits added or taken. */
  record Credits(String userId, long amount) {}

  private final DataSource pool;
  private final Dialect dialect;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final String load;
  private final String insertEvent;
  private final String insertCommand;

  private PlainWalletCommands(DataSource pool, Dialect dialect, Clock clock) {
    this.pool = pool;
    this.dialect = dialect;
    this.clock = clock;
    String asJson = dialect == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    this.load =
        "SELECT event_type, payload FROM "
            + EVENTS_TABLE
            + " WHERE aggregate_id = ? ORDER BY playhead";
    this.insertEvent =
        "INSERT INTO "
            + EVENTS_TABLE
            + " (event_id, aggregate_id, playhead, event_type, payload, metadata, recorded_on)"
            + " VALUES (?, ?, ?, ?, "
            + asJson
            + ", "
            + asJson
            + ", ?)";
    this.insertCommand =
        "INSERT INTO "
            + COMMANDS_TABLE
            + " (command_type, command, outcome, error_type, error, dispatched_at, duration_micros)"
            + " VALUES (?, "
            + asJson
            + ", ?, ?, ?, ?, ?)";
  }

  static PlainWalletCommands create(DataSource pool, Dialect dialect, Clock clock) {
    JdbcSchema.eventStore(pool, EVENTS_TABLE).migrate();
    JdbcSchema.commandLog(pool, COMMANDS_TABLE).migrate();
    return new PlainWalletCommands(pool, dialect, clock);
  }

  /** {@return the playhead stored, or the reason the command was refused} */
  Object dispatch(WalletCommand command) throws SQLException {
    Instant dispatchedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
    long start = System.nanoTime();
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long[] wallet = load(connection, command.userId()); // {events, balance}
        String refusal = refusal(command, wallet);
        if (refusal != null) {
          connection.rollback();
          connection.setAutoCommit(true);
          audit(connection, command, refusal, dispatchedAt, start);
          return refusal;
        }
        insertEvent(connection, command, wallet[0], dispatchedAt);
        audit(connection, command, null, dispatchedAt, start);
        connection.commit();
        return wallet[0];
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private long[] load(Connection connection, String userId) throws SQLException {
    long events = 0;
    long balance = 0;
    try (PreparedStatement statement = connection.prepareStatement(load)) {
      statement.setString(1, userId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          long amount = read(rs.getString(2)).amount();
          balance += "credits.added".equals(rs.getString(1)) ? amount : -amount;
          events++;
        }
      }
    }
    return new long[] {events, balance};
  }

  private static String refusal(WalletCommand command, long[] wallet) {
    if (command instanceof SubCredits spend) {
      if (wallet[0] == 0) {
        return "no wallet " + spend.userId();
      }
      if (wallet[1] < spend.amount()) {
        return "wallet " + spend.userId() + " holds " + wallet[1] + ", not " + spend.amount();
      }
    }
    return null;
  }

  private void insertEvent(Connection connection, WalletCommand command, long playhead, Instant at)
      throws SQLException {
    long amount =
        command instanceof AddWalletCredits add ? add.amount() : ((SubCredits) command).amount();
    String type = command instanceof AddWalletCredits ? "credits.added" : "credits.taken";
    try (PreparedStatement insert = connection.prepareStatement(insertEvent)) {
      if (dialect == Dialect.MARIADB) {
        insert.setString(1, UUID.randomUUID().toString());
      } else {
        insert.setObject(1, UUID.randomUUID());
      }
      insert.setString(2, command.userId());
      insert.setLong(3, playhead);
      insert.setString(4, type);
      insert.setString(5, write(new Credits(command.userId(), amount)));
      insert.setString(6, "{}");
      setInstant(insert, 7, at);
      insert.executeUpdate();
    }
  }

  private void audit(
      Connection connection, WalletCommand command, String error, Instant at, long start)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertCommand)) {
      insert.setString(1, command.getClass().getSimpleName());
      insert.setString(2, write(command));
      insert.setString(3, error == null ? "SUCCEEDED" : "FAILED");
      insert.setString(4, error == null ? null : "Refused");
      insert.setString(5, error);
      setInstant(insert, 6, at);
      insert.setLong(7, (System.nanoTime() - start) / 1_000);
      insert.executeUpdate();
    }
  }

  private void setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
    if (dialect == Dialect.MARIADB) {
      statement.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    } else {
      statement.setObject(index, at.atOffset(ZoneOffset.UTC));
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Credits read(String payload) {
    try {
      return json.readValue(payload, Credits.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
