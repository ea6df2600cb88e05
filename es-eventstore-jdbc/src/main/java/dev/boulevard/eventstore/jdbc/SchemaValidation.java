package dev.boulevard.eventstore.jdbc;

import dev.boulevard.eventstore.jdbc.SchemaScripts.Version;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, without DDL, that a table's schema is complete: every table and column that its versions
 * add exists, found through JDBC metadata whoever created them (Boulevard or Flyway), and, when
 * Boulevard's own record {@code <table>_schema_version} exists, every version is recorded there.
 */
final class SchemaValidation {

  private SchemaValidation() {}

  /** {@return what the table's schema lacks, one entry each; empty if nothing} */
  static List<String> problems(Connection connection, String table, SchemaScripts scripts)
      throws SQLException {
    var problems = new ArrayList<String>();
    var checkedTables = new LinkedHashSet<String>();
    var missingTables = new HashSet<String>();
    for (Version version : scripts.versions()) {
      for (Map.Entry<String, List<String>> entry : version.columns().entrySet()) {
        String name = table + entry.getKey();
        Optional<Set<String>> columns = columns(connection, name);
        if (columns.isEmpty()) {
          if (missingTables.add(name)) {
            problems.add("table '" + name + "' does not exist (created by " + version.file() + ")");
          }
          continue;
        }
        checkedTables.add(name);
        for (String column : entry.getValue()) {
          if (!columns.get().contains(column.toLowerCase(Locale.ROOT))) {
            problems.add(
                "table '"
                    + name
                    + "' has no column '"
                    + column
                    + "' (added by "
                    + version.file()
                    + ")");
          }
        }
      }
    }
    if (missingTables.isEmpty() && columns(connection, table + "_schema_version").isPresent()) {
      Set<String> recorded = recorded(connection, table);
      for (String file : scripts.files()) {
        if (!recorded.contains(file)) {
          problems.add(
              "version " + file + " is not recorded as applied in " + table + "_schema_version");
        }
      }
    }
    return problems;
  }

  /** {@return the lower-case names of a table's columns, or empty if there is no such table} */
  private static Optional<Set<String>> columns(Connection connection, String table)
      throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String escape = meta.getSearchStringEscape();
    // PostgreSQL folds unquoted names to lower case, H2 to upper case; MariaDB keeps them.
    for (String name :
        new LinkedHashSet<>(
            List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)))) {
      String pattern = escape == null ? name : name.replace("_", escape + "_");
      var found = new HashSet<String>();
      try (ResultSet rs =
          meta.getColumns(connection.getCatalog(), connection.getSchema(), pattern, "%")) {
        while (rs.next()) {
          if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
            found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      if (!found.isEmpty()) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private static Set<String> recorded(Connection connection, String table) throws SQLException {
    var versions = new HashSet<String>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT version FROM " + table + "_schema_version")) {
      while (rs.next()) {
        versions.add(rs.getString(1));
      }
    }
    return versions;
  }
}
