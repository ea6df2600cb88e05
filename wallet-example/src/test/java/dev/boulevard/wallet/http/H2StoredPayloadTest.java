package dev.boulevard.wallet.http;

/** {@link StoredPayloadCases} on an embedded H2 file database. */
class H2StoredPayloadTest extends StoredPayloadCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
