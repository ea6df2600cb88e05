package dev.boulevard.wallet.http;

/** {@link RebuildCases} on MariaDB, in a database of its own. */
class MariaDbRebuildTest extends RebuildCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
