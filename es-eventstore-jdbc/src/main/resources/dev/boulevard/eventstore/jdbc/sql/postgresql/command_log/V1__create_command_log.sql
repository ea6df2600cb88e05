-- Boulevard command log, PostgreSQL 13 or later. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    command_type    VARCHAR(255) NOT NULL,
    command         JSONB NOT NULL,
    outcome         VARCHAR(16) NOT NULL,
    -- The failure's class and message; null when the command succeeded.
    error           TEXT,
    dispatched_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    duration_micros BIGINT NOT NULL,
    CONSTRAINT ${table}_outcome CHECK (outcome IN ('SUCCEEDED', 'FAILED'))
);
CREATE INDEX IF NOT EXISTS ${table}_dispatched_at ON ${table} (dispatched_at);
