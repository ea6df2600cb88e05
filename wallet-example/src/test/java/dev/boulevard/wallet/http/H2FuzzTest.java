package dev.boulevard.wallet.http;

/** {@link FuzzCases} on an embedded H2 file database. */
class H2FuzzTest extends FuzzCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
