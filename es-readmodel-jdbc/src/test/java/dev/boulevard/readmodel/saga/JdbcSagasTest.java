package dev.boulevard.readmodel.saga;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import org.junit.jupiter.api.Nested;

/** The saga runtime over the JDBC store, with states and outbox in the same database. */
class JdbcSagasTest {

  @Nested
  class OnH2 extends SagasCases {
    @Override
    SagaEnvironment createEnvironment() {
      return new JdbcSagaEnvironment(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends SagasCases {
    @Override
    SagaEnvironment createEnvironment() {
      return new JdbcSagaEnvironment(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends SagasCases {
    @Override
    SagaEnvironment createEnvironment() {
      return new JdbcSagaEnvironment(TestDatabase.MARIADB);
    }
  }
}
