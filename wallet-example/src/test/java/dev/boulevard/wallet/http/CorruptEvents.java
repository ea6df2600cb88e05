package dev.boulevard.wallet.http;

import dev.boulevard.eventstore.jdbc.RawRows;
import dev.boulevard.eventstore.jdbc.TestDatabase;
import dev.boulevard.wallet.app.WalletApp;
import dev.boulevard.wallet.app.WalletOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Writes corrupt events straight into the wallet's events table with SQL, bypassing the store. */
final class CorruptEvents {

  /** A corrupt event: its case's name, the stored type name, version and payload. */
  record Corruption(String name, String type, int version, String payload) {}

  static final String TRIPWIRE = "dev.boulevard.wallet.http.StoredClassTripwire";

  private final WalletOptions options;

  CorruptEvents(WalletOptions options) {
    this.options = options;
  }

  /** {@return the corruptions tried, each on a wallet of its own; the first is seen first} */
  static List<Corruption> all() {
    return List.of(
        new Corruption(
            "class-property",
            "WalletCreditsAdded",
            1,
            valid("\"@class\":\"java.lang.ProcessBuilder\",")),
        new Corruption(
            "type-property", "WalletCreditsAdded", 1, valid("\"@type\":\"" + TRIPWIRE + "\",")),
        new Corruption(
            "truncated-json",
            "WalletCreditsAdded",
            1,
            "{\"userId\":\"x\",\"lotId\":\"lot-9\",\"amo"),
        new Corruption("json-array", "WalletCreditsAdded", 1, "[1,2,3]"),
        new Corruption("json-string", "WalletCreditsAdded", 1, "\"WalletCreditsAdded\""),
        new Corruption("json-number", "WalletCreditsAdded", 1, "42"),
        new Corruption("json-null", "WalletCreditsAdded", 1, "null"),
        new Corruption(
            "wrong-field-types",
            "WalletCreditsAdded",
            1,
            "{\"userId\":7,\"lotId\":[\"x\"],\"amount\":\"ten\",\"addedAt\":true}"),
        new Corruption(
            "class-name-as-type",
            "dev.boulevard.wallet.domain.WalletEvent$WalletCreditsAdded",
            1,
            valid("")),
        new Corruption("runtime-as-type", "java.lang.Runtime", 1, valid("")),
        new Corruption("tripwire-as-type", TRIPWIRE, 1, valid("")),
        new Corruption("unknown-version", "WalletCreditsAdded", 99, valid("")),
        new Corruption("version-zero", "WalletCreditsAdded", 0, valid("")),
        new Corruption(
            "duplicate-lot",
            "WalletCreditsAdded",
            1,
            "{\"userId\":\"x\",\"lotId\":\"lot-0\",\"amount\":5,\"addedAt\":\"2026-01-01T00:00:00Z\"}"));
  }

  private static String valid(String extra) {
    return "{"
        + extra
        + "\"userId\":\"x\",\"lotId\":\"lot-9\",\"amount\":5,\"addedAt\":\"2026-01-01T00:00:00Z\"}";
  }

  /**
   * Stores a corrupt event at a wallet's playhead.
   *
   * @return empty if it is stored, else why the database refused it
   */
  Optional<String> insert(String wallet, long playhead, Corruption corruption) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(
            options.effectiveJdbcUrl(), options.jdbcUser(), options.jdbcPassword())) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      TestDatabase kind =
          product.contains("postgres")
              ? TestDatabase.POSTGRESQL
              : product.contains("mariadb") || product.contains("mysql")
                  ? TestDatabase.MARIADB
                  : TestDatabase.H2;
      String payload = corruption.payload().replace("\"x\"", "\"" + wallet + "\"");
      var row =
          new RawRows.Row(
              UUID.randomUUID(),
              wallet,
              playhead,
              corruption.type(),
              corruption.version(),
              payload,
              "{}",
              Instant.now());
      try {
        RawRows.insert(kind, connection, WalletApp.EVENTS_TABLE, List.of(row));
        return Optional.empty();
      } catch (SQLException e) {
        return Optional.of(e.getMessage().lines().findFirst().orElse(e.toString()));
      }
    }
  }
}
