package dev.boulevard.readmodel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.readmodel.contract.ContractModel;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC storage's own behaviour on H2, PostgreSQL and MariaDB. */
class JdbcReadModelStorageTest {

  @Nested
  class OnH2 extends JdbcStorageCases {
    OnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class OnPostgres extends JdbcStorageCases {
    OnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class OnMariaDb extends JdbcStorageCases {
    OnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @Nested
  class SharedTransactionsOnH2 extends JdbcSharedTransactionCases {
    SharedTransactionsOnH2() {
      super(TestDatabase.H2);
    }
  }

  @Nested
  class SharedTransactionsOnPostgres extends JdbcSharedTransactionCases {
    SharedTransactionsOnPostgres() {
      super(TestDatabase.POSTGRESQL);
    }
  }

  @Nested
  class SharedTransactionsOnMariaDb extends JdbcSharedTransactionCases {
    SharedTransactionsOnMariaDb() {
      super(TestDatabase.MARIADB);
    }
  }

  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class MariaDbOnly {
    @RegisterExtension final TestTables tables = new TestTables(TestDatabase.MARIADB);

    @Test
    void compares_every_text_column_byte_by_byte_without_padding() {
      String name = tables.newName();
      tables.storage().repository(name, ContractModel.class);

      List<String> collations =
          tables
              .storage()
              .inHandle(
                  handle ->
                      handle
                          .createQuery(
                              "SELECT CONCAT(table_name, '.', column_name, ' ', collation_name)"
                                  + " FROM information_schema.columns"
                                  + " WHERE table_schema = DATABASE() AND table_name IN (?, ?)"
                                  + " AND data_type = 'varchar' ORDER BY table_name, column_name")
                          .bind(0, name)
                          .bind(1, name + "_fields")
                          .mapTo(String.class)
                          .list());

      assertThat(collations)
          .containsExactly(
              name + ".id utf8mb4_nopad_bin",
              name + "_fields.field utf8mb4_nopad_bin",
              name + "_fields.model_id utf8mb4_nopad_bin",
              name + "_fields.value_key utf8mb4_nopad_bin");
    }

    @Test
    void runs_its_transactions_at_read_committed() {
      String server =
          tables
              .storage()
              .inHandle(
                  handle -> handle.createQuery("SELECT @@tx_isolation").mapTo(String.class).one());

      assertThat(server).isEqualTo("READ-COMMITTED");
    }
  }
}
