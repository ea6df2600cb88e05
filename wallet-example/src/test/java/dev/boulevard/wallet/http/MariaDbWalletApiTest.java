package dev.boulevard.wallet.http;

/** {@link WalletApiCases} on MariaDB, in a database of its own. */
class MariaDbWalletApiTest extends WalletApiCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
