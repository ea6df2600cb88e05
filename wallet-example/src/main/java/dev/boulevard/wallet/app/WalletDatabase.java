package dev.boulevard.wallet.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

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
    return new HikariDataSource(config);
  }
}
