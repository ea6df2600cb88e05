package dev.boulevard.eventstore.jdbc;

import static dev.boulevard.eventstore.contract.ContractMessages.deposits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.boulevard.domain.DomainEventStream;
import dev.boulevard.eventstore.EventStoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A connection that dies just after an append's commit, when its auto-commit mode is restored,
 * neither turns the stored append into a failure nor hides why a failed one failed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AutoCommitRestoreTest {

  private final TestStores stores = new TestStores(TestDatabase.H2);

  @AfterEach
  void drop() throws SQLException {
    stores.close();
  }

  private JdbcEventStore storeFailingAfter(boolean failCommit) {
    String table = stores.newTable();
    JdbcSchema.eventStore(TestDatabase.H2.dataSource(), table).migrate();
    return JdbcEventStore.builder(
            FlakyConnections.failingToRestoreAutoCommit(TestDatabase.H2.dataSource(), failCommit),
            TestStores.SERIALIZER)
        .table(table)
        .build();
  }

  @Test
  void an_append_whose_connection_fails_after_the_commit_is_acknowledged() {
    JdbcEventStore store = storeFailingAfter(false);
    DomainEventStream stream = deposits("acc-1", 0, 3);

    store.append("acc-1", stream);

    assertThat(store.load("acc-1")).containsExactlyElementsOf(stream);
  }

  @Test
  void a_failed_commit_is_reported_as_the_cause_not_the_failure_to_restore_auto_commit() {
    JdbcEventStore store = storeFailingAfter(true);

    assertThatThrownBy(() -> store.append("acc-1", deposits("acc-1", 0, 3)))
        .isInstanceOf(EventStoreException.class)
        .hasMessageContaining("acc-1")
        .hasMessageContaining("commit failed on purpose")
        .cause()
        .hasMessage("commit failed on purpose");
    assertThat(store.loadFromPlayhead("acc-1", 0)).isEmpty();
  }
}
