package dev.boulevard.wallet.http;

/** {@link RebuildCases} on PostgreSQL, in a schema of its own. */
class PostgresRebuildTest extends RebuildCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
