package dev.boulevard.wallet.http;

/** {@link FuzzCases} on MariaDB, in a database of its own. */
class MariaDbFuzzTest extends FuzzCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
