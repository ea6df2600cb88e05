package dev.boulevard.wallet.http;

/** {@link RebuildCases} on an embedded H2 file database. */
class H2RebuildTest extends RebuildCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
