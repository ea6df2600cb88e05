-- Boulevard command log, MariaDB 10.6 or later. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    id              BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    command_type    VARCHAR(255) NOT NULL,
    command         JSON NOT NULL,
    outcome         VARCHAR(16) CHARACTER SET ascii NOT NULL,
    -- The failure's class and message; null when the command succeeded.
    error           TEXT,
    -- UTC, to the microsecond.
    dispatched_at   DATETIME(6) NOT NULL,
    duration_micros BIGINT NOT NULL,
    CONSTRAINT ${table}_outcome CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    INDEX ${table}_dispatched_at (dispatched_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
