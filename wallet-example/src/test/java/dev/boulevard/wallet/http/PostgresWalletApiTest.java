package dev.boulevard.wallet.http;

/** {@link WalletApiCases} on PostgreSQL, in a schema of its own. */
class PostgresWalletApiTest extends WalletApiCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
