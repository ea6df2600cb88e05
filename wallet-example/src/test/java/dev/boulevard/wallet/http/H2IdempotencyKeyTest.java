package dev.boulevard.wallet.http;

/** {@link IdempotencyKeyCases} on an embedded H2 file database. */
class H2IdempotencyKeyTest extends IdempotencyKeyCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }

  @Override
  boolean sharedByProcesses() {
    return false;
  }
}
