package dev.boulevard.wallet.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;

/** Opens the app's connection pool on the configured database, or on the embedded H2 file. */
final class WalletDatabase {

  /** Enough connections for the HTTP threads, the projections and the command log. */
  static final int POOL_SIZE = 32;

  /**
   * The connections kept open when idle: the pool grows to {@link #POOL_SIZE} under load only, so
   * that three instances on one PostgreSQL stay under its default 100 connections.
   */
  static final int MINIMUM_IDLE = 4;

  private WalletDatabase() {}

  /** {@return a pool on the database the options name} */
  static HikariDataSource open(WalletOptions options) {
    var config = new HikariConfig();
    config.setJdbcUrl(options.effectiveJdbcUrl());
    if (options.jdbcUrl() == null) {
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setUsername(options.jdbcUser());
      config.setPassword(options.jdbcPassword());
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(MINIMUM_IDLE);
    config.setPoolName("wallet");
    config.setConnectionTimeout(10_000);
    idleTransactionLimit(options).ifPresent(config::setConnectionInitSql);
    return new HikariDataSource(config);
  }

  /**
   * {@return the statement that has the server end a transaction left idle for longer than the
   * lease time, on PostgreSQL and MariaDB}
   *
   * <p>An instance frozen inside a transaction (SIGSTOP, a VM paused, a swap storm) would otherwise
   * keep its row locks for as long as it is frozen: the lease row its projection's batch checked,
   * on which the other instances' take-over then waits, on PostgreSQL without limit. No transaction
   * of the app's waits that long between its statements.
   */
  static Optional<String> idleTransactionLimit(WalletOptions options) {
    String url = options.effectiveJdbcUrl();
    long millis = options.leaseTime().toMillis();
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of("SET idle_in_transaction_session_timeout = " + millis);
    }
    if (url.startsWith("jdbc:mariadb:")) {
      return Optional.of("SET SESSION idle_transaction_timeout = " + (millis + 999) / 1000);
    }
    return Optional.empty();
  }
}
