package dev.boulevard.wallet.http;

/** {@link BadRequestCases} on MariaDB, in a database of its own. */
class MariaDbBadRequestTest extends BadRequestCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
