package dev.boulevard.readmodel.projection;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import org.junit.jupiter.api.Nested;

/** Tracking projections over the JDBC store with read models in the same database. */
class JdbcProjectionsTest {

  @Nested
  class OnH2 extends ProjectionsTestCase {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends ProjectionsTestCase {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends ProjectionsTestCase {
    @Override
    ProjectionEnvironment createEnvironment() {
      return new JdbcProjectionEnvironment(TestDatabase.MARIADB);
    }
  }
}
