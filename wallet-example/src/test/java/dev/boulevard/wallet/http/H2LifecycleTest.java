package dev.boulevard.wallet.http;

/** {@link LifecycleCases} on an embedded H2 file database. */
class H2LifecycleTest extends LifecycleCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.h2();
  }
}
