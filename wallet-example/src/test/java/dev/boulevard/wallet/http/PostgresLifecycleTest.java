package dev.boulevard.wallet.http;

/** {@link LifecycleCases} on PostgreSQL, in a schema of its own. */
class PostgresLifecycleTest extends LifecycleCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
