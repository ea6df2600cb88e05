-- Boulevard read model, H2 2.x: the two tables of JdbcReadModelStorage.repository("<name>",
-- type). Replace ${table} with the read model's name (Flyway placeholders use this syntax).
-- The documents, as JSON, in first-saved order (seq).
CREATE TABLE IF NOT EXISTS ${table} (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id       VARCHAR(255) PRIMARY KEY,
    document CHARACTER LARGE OBJECT NOT NULL
);
-- The index entries that findBy matches: one row per model, field and value.
CREATE TABLE IF NOT EXISTS ${table}_fields (
    model_id  VARCHAR(255) NOT NULL,
    field     VARCHAR(190) NOT NULL,
    value_key VARCHAR(190) NOT NULL,
    PRIMARY KEY (model_id, field, value_key)
);
CREATE INDEX IF NOT EXISTS ${table}_fields_by_value ON ${table}_fields (field, value_key, model_id);
