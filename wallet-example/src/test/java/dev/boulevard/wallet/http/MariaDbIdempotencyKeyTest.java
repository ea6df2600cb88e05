package dev.boulevard.wallet.http;

/** {@link IdempotencyKeyCases} on MariaDB, in a database of its own. */
class MariaDbIdempotencyKeyTest extends IdempotencyKeyCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }

  @Override
  boolean sharedByProcesses() {
    return true;
  }
}
