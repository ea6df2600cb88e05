package dev.boulevard.readmodel.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.boulevard.eventstore.Checkpoint;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a projection's stored checkpoint and its read model in one read-only transaction of one
 * consistent snapshot (REPEATABLE READ: PostgreSQL's snapshot, InnoDB's read view), on a connection
 * of its own that no killer touches.
 */
final class SnapshotSampler implements AutoCloseable {

  /** What one snapshot held: the live generation's checkpoint and every document of its model. */
  record Sample(Checkpoint checkpoint, List<Tally> tallies) {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Connection connection;
  private final String stateTable;

  SnapshotSampler(TestDatabase database, String stateTable) throws SQLException {
    this.connection = database.newConnection();
    this.stateTable = stateTable;
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    connection.setReadOnly(true);
  }

  Sample read(String projection, String model) throws SQLException {
    try {
      int generation;
      Checkpoint checkpoint;
      try (PreparedStatement state =
          connection.prepareStatement(
              "SELECT generation, commit_order, position FROM "
                  + stateTable
                  + " WHERE name = ? AND live = TRUE")) {
        state.setString(1, projection);
        try (ResultSet rs = state.executeQuery()) {
          if (!rs.next()) {
            return new Sample(Checkpoint.beginning(), List.of());
          }
          generation = rs.getInt(1);
          checkpoint = new Checkpoint(rs.getLong(2), rs.getLong(3));
        }
      }
      var tallies = new ArrayList<Tally>();
      try (PreparedStatement documents =
              connection.prepareStatement(
                  "SELECT document FROM " + ProjectionModels.storedName(model, generation));
          ResultSet rs = documents.executeQuery()) {
        while (rs.next()) {
          tallies.add(MAPPER.readValue(rs.getString(1), Tally.class));
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("An unreadable document in " + model, e);
      }
      return new Sample(checkpoint, tallies);
    } finally {
      connection.commit();
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
