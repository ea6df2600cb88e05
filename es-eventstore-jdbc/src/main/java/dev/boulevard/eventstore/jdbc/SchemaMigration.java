package dev.boulevard.eventstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies the shipped SQL scripts of one table that are not applied yet, and records each applied
 * script in {@code <table>_schema_version}.
 *
 * <p>Migrations, of any table, take turns through the {@link SchemaLock}. Stateless; {@link
 * JdbcSchema} uses it for every table.
 */
final class SchemaMigration {

  private SchemaMigration() {}

  /**
   * Applies the given versions in order, skipping those already recorded.
   *
   * @param scripts the scripts, whose file names are also the recorded versions
   */
  static void apply(Connection connection, Dialect dialect, String table, SchemaScripts scripts)
      throws SQLException {
    String checked = TableName.check(table);
    SchemaLock.holding(
        connection,
        dialect,
        () -> {
          execute(
              connection,
              "CREATE TABLE IF NOT EXISTS "
                  + checked
                  + "_schema_version (version VARCHAR(100) NOT NULL PRIMARY KEY)");
          Set<String> applied = applied(connection, checked);
          for (String version : scripts.files()) {
            if (!applied.contains(version)) {
              for (String statement : SqlScript.statements(scripts, dialect, version, checked)) {
                execute(connection, statement);
              }
              record(connection, checked, version);
            }
          }
        });
  }

  private static Set<String> applied(Connection connection, String table) throws SQLException {
    var versions = new HashSet<String>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT version FROM " + table + "_schema_version")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }

  private static void record(Connection connection, String table, String version)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO " + table + "_schema_version (version) VALUES (?)")) {
      insert.setString(1, version);
      insert.executeUpdate();
    }
  }

  private static void execute(Connection connection, String statement) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
