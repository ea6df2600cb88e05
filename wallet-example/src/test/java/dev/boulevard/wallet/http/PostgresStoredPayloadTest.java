package dev.boulevard.wallet.http;

/** {@link StoredPayloadCases} on PostgreSQL, in a schema of its own. */
class PostgresStoredPayloadTest extends StoredPayloadCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
