package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL log's queries that run on every poll read the log-order index, whatever the
 * table's size: their plans have no sort of the table, with sequential scans ruled out so that a
 * small test table cannot hide a plan that would read a large one whole.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresQueryPlanTest {

  private final TestStores stores = new TestStores(TestDatabase.POSTGRESQL);

  @AfterEach
  void dropTables() throws Exception {
    stores.close();
  }

  @Test
  void the_head_is_found_by_a_backward_scan_of_the_log_order_index() throws Exception {
    String table = stores.newTable();
    JdbcSchema.eventStore(TestDatabase.POSTGRESQL.dataSource(), table).migrate();
    List<String> plan = explain(new PostgresSql(table).head());
    assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Sort"));
    assertThat(plan).anyMatch(line -> line.contains("Index") && line.contains("Backward"));
  }

  private static List<String> explain(String sql) throws Exception {
    try (Connection connection = TestDatabase.POSTGRESQL.newConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SET enable_seqscan = off");
      var plan = new ArrayList<String>();
      try (ResultSet rs = statement.executeQuery("EXPLAIN " + sql)) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      return plan;
    }
  }
}
