package dev.boulevard.wallet.http;

/** {@link LifecycleCases} on MariaDB, in a database of its own. */
class MariaDbLifecycleTest extends LifecycleCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
