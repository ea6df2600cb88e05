package dev.boulevard.eventstore.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.boulevard.commandhandling.DispatchResult;
import dev.boulevard.commandhandling.IdempotencyKey;
import dev.boulevard.eventstore.AppendResult;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.idempotency.IdempotencyStore;
import dev.boulevard.idempotency.IdempotencyStoreException;
import dev.boulevard.idempotency.StoredDispatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps idempotency keys in a table, in the transaction of the {@link JdbcUnitOfWork} that the
 * {@link JdbcEventStore} on the same data source joins: a key commits exactly when the command's
 * events do, on PostgreSQL, MariaDB or H2.
 *
 * <pre>{@code
 * JdbcSchema.idempotencyKeys(dataSource, JdbcIdempotencyStore.DEFAULT_TABLE).migrate();
 * IdempotencyStore keys = JdbcIdempotencyStore.on(dataSource);
 * CommandBus keyed =
 *     IdempotentCommandBus.builder(handlers, keys).unitOfWork(store.unitOfWork()).build();
 * }</pre>
 *
 * <p>A claim inserts the key's row; a second claim of the key waits on the database's lock of that
 * uncommitted row, in this process or another, until the first transaction ends. The result is kept
 * as JSON. Thread-safe.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

  /** The table a store uses unless another is named: {@value}. */
  public static final String DEFAULT_TABLE = "idempotency_keys";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final String table;
  private final DialectSql sql;

  /** PostgreSQL's claim skips a taken key; the others' refuse it, within a savepoint. */
  private final boolean claimSkipsTakenKey;

  // The statements, built once: a keyed command runs three of them.
  private final String claim;
  private final String find;
  private final String complete;
  private final String deleteExpiredKey;

  private JdbcIdempotencyStore(DataSource dataSource, String table, Dialect dialect) {
    this.dataSource = dataSource;
    this.table = TableName.check(table);
    this.sql = DialectSql.of(dialect, table);
    this.claimSkipsTakenKey = dialect == Dialect.POSTGRESQL;
    this.claim =
        "INSERT INTO "
            + table
            + " (scope, idempotency_key, fingerprint, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"
            + (claimSkipsTakenKey ? " ON CONFLICT DO NOTHING" : "");
    this.find =
        "SELECT fingerprint, result, expires_at FROM "
            + table
            + " WHERE scope = ? AND idempotency_key = ?"
            + (dialect == Dialect.MARIADB ? " LOCK IN SHARE MODE" : "");
    this.complete =
        "UPDATE "
            + table
            + " SET result = ? WHERE scope = ? AND idempotency_key = ? AND result IS NULL";
    this.deleteExpiredKey =
        "DELETE FROM " + table + " WHERE scope = ? AND idempotency_key = ? AND expires_at <= ?";
  }

  /**
   * {@return a store on the default table, detecting the dialect}
   *
   * @param dataSource the very instance that the event store and its unit of work were built on
   * @throws dev.boulevard.eventstore.EventStoreException if no connection can be made to detect the
   *     dialect
   */
  public static JdbcIdempotencyStore on(DataSource dataSource) {
    return on(dataSource, DEFAULT_TABLE);
  }

  /**
   * {@return a store on the named table, detecting the dialect}
   *
   * @param dataSource the very instance that the event store and its unit of work were built on
   * @param table 1 to 40 letters, digits or underscores, created by {@link
   *     JdbcSchema#idempotencyKeys}
   * @throws IllegalArgumentException if the name is not a valid table name
   */
  public static JdbcIdempotencyStore on(DataSource dataSource, String table) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcIdempotencyStore(dataSource, table, Dialect.detect(dataSource));
  }

  /**
   * {@return a store on the named table of a database of the given dialect}
   *
   * @param dataSource the very instance that the event store and its unit of work were built on
   * @param table 1 to 40 letters, digits or underscores, created by {@link
   *     JdbcSchema#idempotencyKeys}
   * @param dialect the database's dialect
   */
  public static JdbcIdempotencyStore on(DataSource dataSource, String table, Dialect dialect) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcIdempotencyStore(dataSource, table, Objects.requireNonNull(dialect, "dialect"));
  }

  /** {@return the name of the table this store keeps its keys in} */
  public String table() {
    return table;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if no {@link JdbcUnitOfWork} on this store's data source is open
   *     on this thread
   * @throws IdempotencyStoreException if the database fails
   */
  @Override
  public Optional<StoredDispatch> claim(
      IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(expiresAt, "expiresAt");
    String hash = Objects.requireNonNull(fingerprint, "fingerprint");
    if (hash.length() != 64) {
      throw new IllegalArgumentException(
          "A fingerprint must be a SHA-256 in hex, 64 characters, not " + hash.length());
    }
    Connection connection = unitConnection("claim");
    try {
      // Twice at most: a key found expired is deleted, then claimed anew.
      for (int attempt = 0; attempt < 2; attempt++) {
        if (insert(connection, key, hash, now, expiresAt)) {
          return Optional.empty();
        }
        Optional<StoredDispatch> stored = find(connection, key);
        if (stored.isEmpty()) {
          continue; // its claim was rolled back after ours was refused: claim again
        }
        if (stored.get().expiresAt().isAfter(now)) {
          return stored;
        }
        deleteExpired(connection, key, now);
      }
      throw new IllegalStateException(
          "Could not claim the idempotency key " + key + " in table " + table);
    } catch (SQLException e) {
      throw new IdempotencyStoreException(
          "Could not claim the idempotency key " + key + " in table " + table, e);
    }
  }

  /** Inserts the key's row; {@return false if another transaction's row holds the key} */
  private boolean insert(
      Connection connection, IdempotencyKey key, String hash, Instant now, Instant expiresAt)
      throws SQLException {
    if (claimSkipsTakenKey) {
      // Waits for a transaction that holds the key, then inserts nothing, without an error that
      // would abort the caller's transaction.
      return executeInsert(connection, key, hash, now, expiresAt) == 1;
    }
    // MariaDB and H2 wait the same way, and then refuse the duplicate with an error: within a
    // savepoint, so that the caller's transaction goes on.
    Savepoint savepoint = connection.setSavepoint();
    try {
      executeInsert(connection, key, hash, now, expiresAt);
      connection.releaseSavepoint(savepoint);
      return true;
    } catch (SQLException e) {
      if (!sql.isUniqueViolation(e)) {
        throw e;
      }
      connection.rollback(savepoint);
      return false;
    }
  }

  private int executeInsert(
      Connection connection, IdempotencyKey key, String hash, Instant now, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(claim)) {
      statement.setString(1, key.scope());
      statement.setString(2, key.value());
      statement.setString(3, hash);
      sql.bindInstant(statement, 4, now);
      sql.bindInstant(statement, 5, expiresAt);
      return statement.executeUpdate();
    }
  }

  /**
   * Reads the committed row of a key; a locking read, which MariaDB answers from the newest data.
   */
  private Optional<StoredDispatch> find(Connection connection, IdempotencyKey key)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(find)) {
      statement.setString(1, key.scope());
      statement.setString(2, key.value());
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String result = rs.getString(2);
        if (result == null) {
          throw new IllegalStateException(
              "The idempotency key " + key + " in table " + table + " holds no result");
        }
        return Optional.of(
            new StoredDispatch(key, rs.getString(1), decode(result), sql.readInstant(rs, 3)));
      }
    }
  }

  private void deleteExpired(Connection connection, IdempotencyKey key, Instant now)
      throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(deleteExpiredKey)) {
      delete.setString(1, key.scope());
      delete.setString(2, key.value());
      sql.bindInstant(delete, 3, now);
      delete.executeUpdate();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException if no unit of work is open, or this unit did not claim the key
   * @throws IdempotencyStoreException if the database fails
   */
  @Override
  public void complete(IdempotencyKey key, DispatchResult result) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(result, "result");
    Connection connection = unitConnection("complete");
    try (PreparedStatement update = connection.prepareStatement(complete)) {
      update.setString(1, encode(result));
      update.setString(2, key.scope());
      update.setString(3, key.value());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException(
            "The idempotency key " + key + " was not claimed in this unit of work");
      }
    } catch (SQLException e) {
      throw new IdempotencyStoreException(
          "Could not record the result of the idempotency key " + key + " in table " + table, e);
    }
  }

  /** Does nothing: the unit of work's rollback removes the claim. */
  @Override
  public void release(IdempotencyKey key) {
    Objects.requireNonNull(key, "key");
  }

  /**
   * {@inheritDoc}
   *
   * <p>Runs on a connection of its own, in one statement.
   *
   * @throws IdempotencyStoreException if the database fails
   */
  @Override
  public int deleteExpired(Instant now) {
    Objects.requireNonNull(now, "now");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
      sql.bindInstant(delete, 1, now);
      int deleted = delete.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return deleted;
    } catch (SQLException e) {
      throw new IdempotencyStoreException(
          "Could not delete the expired idempotency keys in table " + table, e);
    }
  }

  private Connection unitConnection(String action) {
    return BoundTransaction.on(dataSource)
        .map(BoundTransaction::connection)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Cannot "
                        + action
                        + " an idempotency key outside a unit of work: build the"
                        + " IdempotentCommandBus with the unit of work of the event store on the"
                        + " same DataSource, such as JdbcEventStore.unitOfWork()"));
  }

  private static String encode(DispatchResult result) {
    ArrayNode appends = JSON.createArrayNode();
    for (AppendResult append : result.appends()) {
      appends
          .addObject()
          .put("aggregateId", append.aggregateId())
          .put("lastPlayhead", append.lastPlayhead())
          .put("commitOrder", append.checkpoint().commitOrder())
          .put("position", append.checkpoint().position());
    }
    return appends.toString();
  }

  private DispatchResult decode(String json) {
    try {
      var appends = new ArrayList<AppendResult>();
      for (JsonNode append : JSON.readTree(json)) {
        appends.add(
            new AppendResult(
                append.get("aggregateId").asText(),
                append.get("lastPlayhead").asLong(),
                new Checkpoint(
                    append.get("commitOrder").asLong(), append.get("position").asLong())));
      }
      return new DispatchResult(appends);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException(
          "The result of an idempotency key in table " + table + " is not readable: " + json, e);
    }
  }
}
