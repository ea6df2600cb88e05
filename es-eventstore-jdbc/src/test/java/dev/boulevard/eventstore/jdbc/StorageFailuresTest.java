package dev.boulevard.eventstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.boulevard.eventstore.EventStoreException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StorageFailuresTest {

  @Test
  void a_pool_that_cannot_get_a_connection_is_transient_however_deeply_wrapped() {
    var timeout = new SQLTransientConnectionException("wallet - Connection is not available");
    var wrapped = EventStoreException.dueTo("load", "ada", new RuntimeException(timeout));

    assertThat(StorageFailures.isTransient(wrapped)).isTrue();
  }

  @Test
  void connection_failures_deadlocks_and_shutdowns_are_told_by_their_sql_state() {
    assertThat(StorageFailures.isTransient(new SQLException("refused", "08001"))).isTrue();
    assertThat(StorageFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(StorageFailures.isTransient(new SQLException("terminated", "57P01"))).isTrue();
    assertThat(StorageFailures.isTransient(new SQLNonTransientConnectionException("gone", "08006")))
        .isTrue();
  }

  @Test
  void constraint_violations_syntax_errors_and_other_failures_are_not() {
    assertThat(
            StorageFailures.isTransient(
                new SQLIntegrityConstraintViolationException("dup", "23505")))
        .isFalse();
    assertThat(StorageFailures.isTransient(new SQLException("syntax", "42601"))).isFalse();
    assertThat(StorageFailures.isTransient(new SQLException("no state"))).isFalse();
    assertThat(StorageFailures.isTransient(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void a_real_refused_connection_is_transient() {
    // Nothing listens on port 1 of the loopback: the driver's own failure to connect.
    var dataSource =
        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "x", "");
    Throwable refused = null;
    try (var connection = dataSource.getConnection()) {
      assertThat(connection).as("nothing should listen on port 1").isNull();
    } catch (SQLException e) {
      refused = e;
    }
    assertThat(StorageFailures.isTransient(refused)).as(String.valueOf(refused)).isTrue();
  }

  @Test
  @Timeout(10)
  void a_cause_chain_that_loops_ends() {
    var first = new RuntimeException("first");
    var second = new RuntimeException("second", first);
    first.initCause(second);

    assertThat(StorageFailures.isTransient(first)).isFalse();
  }
}
