package dev.boulevard.wallet.http;

/** {@link BadRequestCases} on PostgreSQL, in a schema of its own. */
class PostgresBadRequestTest extends BadRequestCases {
  @Override
  TestWalletDatabase newDatabase() {
    return TestWalletDatabase.postgres();
  }
}
