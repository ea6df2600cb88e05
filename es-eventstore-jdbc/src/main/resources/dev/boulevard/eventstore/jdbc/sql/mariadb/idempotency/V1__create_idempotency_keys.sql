-- Boulevard idempotency keys, MariaDB 10.6 or later. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    scope           VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    -- SHA-256, in hex, of the fingerprint of the command first sent with the key.
    fingerprint     CHAR(64) CHARACTER SET ascii NOT NULL,
    -- What the dispatch stored, as JSON; written in the transaction that claimed the key.
    result          TEXT,
    -- UTC, to the microsecond.
    created_at      DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (scope, idempotency_key),
    -- The clean-up's query: DELETE ... WHERE expires_at <= ?
    INDEX ${table}_expires_at (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
