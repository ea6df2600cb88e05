-- Boulevard idempotency keys, H2 2.x. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    scope           VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    -- SHA-256, in hex, of the fingerprint of the command first sent with the key.
    fingerprint     CHAR(64) NOT NULL,
    -- What the dispatch stored, as JSON; written in the transaction that claimed the key.
    result          CHARACTER LARGE OBJECT,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
-- The clean-up's query: DELETE ... WHERE expires_at <= ?
CREATE INDEX IF NOT EXISTS ${table}_expires_at ON ${table} (expires_at);
