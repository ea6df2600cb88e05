package dev.boulevard.wallet.http;

/** {@link BadRequestCases} on an embedded H2 file database. */
class H2BadRequestTest extends BadRequestCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
