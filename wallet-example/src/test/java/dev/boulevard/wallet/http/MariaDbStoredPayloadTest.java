package dev.boulevard.wallet.http;

/** {@link StoredPayloadCases} on MariaDB, in a database of its own. */
class MariaDbStoredPayloadTest extends StoredPayloadCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.mariadb();
  }
}
