package dev.boulevard.wallet.http;

/** {@link FuzzCases} on PostgreSQL, in a schema of its own. */
class PostgresFuzzTest extends FuzzCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
