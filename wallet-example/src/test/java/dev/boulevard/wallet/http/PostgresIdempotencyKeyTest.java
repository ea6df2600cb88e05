package dev.boulevard.wallet.http;

/** {@link IdempotencyKeyCases} on PostgreSQL, in a schema of its own. */
class PostgresIdempotencyKeyTest extends IdempotencyKeyCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }

  @Override
  boolean sharedByProcesses() {
    return true;
  }
}
