package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.Dialect;
import java.util.List;

/**
 * The SQL of one read model's two tables on one dialect: {@code <name>} holds the JSON documents in
 * first-saved order ({@code seq}), {@code <name>_fields} the index entries that {@code findBy}
 * matches. The shipped files {@code sql/<dialect>/readmodel/V*.sql} create them.
 */
final class ReadModelSql {

  private final Dialect dialect;
  private final String table;
  private final String fields;

  ReadModelSql(Dialect dialect, String table) {
    this.dialect = dialect;
    this.table = table;
    this.fields = table + "_fields";
  }

  String table() {
    return table;
  }

  /** {@return the statements that drop both tables and the record of their versions, if any} */
  List<String> drop() {
    return List.of(
        "DROP TABLE IF EXISTS " + fields,
        "DROP TABLE IF EXISTS " + table,
        "DROP TABLE IF EXISTS " + table + "_schema_version");
  }

  /** {@return the upsert of a document by id, which keeps the seq of an existing row} */
  String upsert() {
    return switch (dialect) {
      case POSTGRESQL ->
          "INSERT INTO "
              + table
              + " (id, document) VALUES (?, CAST(? AS JSONB))"
              + " ON CONFLICT (id) DO UPDATE SET document = EXCLUDED.document";
      case MARIADB ->
          "INSERT INTO "
              + table
              + " (id, document) VALUES (?, ?)"
              + " ON DUPLICATE KEY UPDATE document = VALUES(document)";
      case H2 -> "MERGE INTO " + table + " (id, document) KEY (id) VALUES (?, ?)";
    };
  }

  String deleteDocument() {
    return "DELETE FROM " + table + " WHERE id = ?";
  }

  String deleteFields() {
    return "DELETE FROM " + fields + " WHERE model_id = ?";
  }

  /** {@return the query of a model's index entries, as (field, value_key)} */
  String selectFields() {
    return "SELECT field, value_key FROM " + fields + " WHERE model_id = ?";
  }

  /** {@return the delete of one index entry of a model} */
  String deleteField() {
    return "DELETE FROM " + fields + " WHERE model_id = ? AND field = ? AND value_key = ?";
  }

  String insertField() {
    return "INSERT INTO " + fields + " (model_id, field, value_key) VALUES (?, ?, ?)";
  }

  String find() {
    return "SELECT id, document FROM " + table + " WHERE id = ?";
  }

  String findAll() {
    return "SELECT id, document FROM " + table + " ORDER BY seq";
  }

  /** {@return the query of the models that have every one of a number of (field, key) entries} */
  String findBy(int clauses) {
    var sql = new StringBuilder("SELECT m.id, m.document FROM ").append(table).append(" m WHERE ");
    for (int i = 0; i < clauses; i++) {
      sql.append(i == 0 ? "" : " AND ")
          .append("EXISTS (SELECT 1 FROM ")
          .append(fields)
          .append(" f WHERE f.model_id = m.id AND f.field = ? AND f.value_key = ?)");
    }
    return sql.append(" ORDER BY m.seq").toString();
  }
}
