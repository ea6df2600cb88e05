package dev.boulevard.readmodel.migration;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The Flyway configuration that docs/migrations.md shows, verbatim: one run per table. */
final class FlywayTables {

  private FlywayTables() {}

  // docs/migrations.md: begin
  /** Creates or migrates one of Boulevard's tables from the SQL files shipped in its jar. */
  static void migrate(DataSource dataSource, String location, String table) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .placeholders(Map.of("table", table))
        // One history table per Boulevard table: each kind of table has its own versions.
        .table(table + "_flyway_history")
        // The schema holds other tables already: start this table's history before its V1.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  // docs/migrations.md: end

  /** Migrates one table up to a version only, to stand for a database that lags behind. */
  static void migrateUpTo(DataSource dataSource, String location, String table, String version) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location)
        .placeholders(Map.of("table", table))
        .table(table + "_flyway_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .target(version)
        .load()
        .migrate();
  }
}
