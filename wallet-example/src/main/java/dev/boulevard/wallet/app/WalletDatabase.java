package dev.boulevard.wallet.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Opens the app's connection pool on the configured database, or on the embedded H2 file. */
final class WalletDatabase {

  /** Enough connections for the HTTP threads, the projections and the command log. */
  static final int POOL_SIZE = 32;

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
    config.setPoolName("wallet");
    config.setConnectionTimeout(10_000);
    return new HikariDataSource(config);
  }
}
