-- Boulevard read model, MariaDB 10.6 or later: the two tables of JdbcReadModelStorage.repository("<name>",
-- type). Replace ${table} with the read model's name (Flyway placeholders use this syntax).
-- The documents, as JSON, in first-saved order (seq).
-- Text compares byte by byte without padding: "Alice" is not "alice", and "a" is not "a ".
CREATE TABLE IF NOT EXISTS ${table} (
    seq      BIGINT NOT NULL AUTO_INCREMENT UNIQUE,
    id       VARCHAR(255) NOT NULL PRIMARY KEY,
    document LONGTEXT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- The index entries that findBy matches: one row per model, field and value.
CREATE TABLE IF NOT EXISTS ${table}_fields (
    model_id  VARCHAR(255) NOT NULL,
    field     VARCHAR(190) NOT NULL,
    value_key VARCHAR(190) NOT NULL,
    PRIMARY KEY (model_id, field, value_key),
    INDEX ${table}_fields_by_value (field, value_key, model_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
