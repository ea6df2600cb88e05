package dev.boulevard.wallet.http;

/** {@link WalletApiCases} on an embedded H2 file database. */
class H2WalletApiTest extends WalletApiCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
