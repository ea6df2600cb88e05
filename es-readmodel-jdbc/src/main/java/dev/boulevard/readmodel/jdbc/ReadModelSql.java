package dev.boulevard.readmodel.jdbc;

import dev.boulevard.eventstore.jdbc.Dialect;
import java.util.List;

/**
 * The SQL of one read model's two tables on one dialect: {@code <name>} holds the JSON documents in
 * first-saved order ({@code seq}), {@code <name>_fields} the index entries that {@code findBy}
 * matches.
 */
final class ReadModelSql {

  /**
   * MariaDB's text columns compare byte by byte without padding: "Alice" is not "alice", and "a" is
   * not "a " (which utf8mb4_bin, a padding collation, would take as equal).
   */
  private static final String MARIADB_TABLE =
      " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin";

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

  /** {@return the statements that create both tables and the index, if they do not exist} */
  List<String> create() {
    return switch (dialect) {
      case POSTGRESQL ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                  + " id VARCHAR(255) PRIMARY KEY, document JSONB NOT NULL)",
              createFields(""),
              createFieldsIndex());
      case H2 ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                  + " id VARCHAR(255) PRIMARY KEY, document CHARACTER LARGE OBJECT NOT NULL)",
              createFields(""),
              createFieldsIndex());
      case MARIADB ->
          List.of(
              "CREATE TABLE IF NOT EXISTS "
                  + table
                  + " (seq BIGINT NOT NULL AUTO_INCREMENT UNIQUE,"
                  + " id VARCHAR(255) NOT NULL PRIMARY KEY, document LONGTEXT NOT NULL)"
                  + MARIADB_TABLE,
              createFields(", INDEX " + fields + "_by_value (field, value_key, model_id)")
                  + MARIADB_TABLE);
    };
  }

  private String createFields(String index) {
    return "CREATE TABLE IF NOT EXISTS "
        + fields
        + " (model_id VARCHAR(255) NOT NULL, field VARCHAR(190) NOT NULL,"
        + " value_key VARCHAR(190) NOT NULL, PRIMARY KEY (model_id, field, value_key)"
        + index
        + ")";
  }

  private String createFieldsIndex() {
    return "CREATE INDEX IF NOT EXISTS "
        + fields
        + "_by_value ON "
        + fields
        + " (field, value_key, model_id)";
  }

  /** {@return the statements that drop both tables, if they exist} */
  List<String> drop() {
    return List.of("DROP TABLE IF EXISTS " + fields, "DROP TABLE IF EXISTS " + table);
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
