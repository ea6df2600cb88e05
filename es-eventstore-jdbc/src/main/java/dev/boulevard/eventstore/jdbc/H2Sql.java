package dev.boulevard.eventstore.jdbc;

/** H2: appends serialized by a row lock. */
final class H2Sql extends DialectSql {

  H2Sql(String table) {
    super(table);
  }

  @Override
  String lockForAppend() {
    return "SELECT id FROM " + table + "_append_lock WHERE id = 1 FOR UPDATE";
  }
}
