-- Boulevard outbox, PostgreSQL 13 or later: the table of JdbcReadModelStorage.outbox("<name>"),
-- where process managers leave commands and deadlines for the dispatcher. Replace ${table} with the name
-- (Flyway placeholders use this syntax). Instants are microseconds since the epoch, UTC.
CREATE TABLE IF NOT EXISTS ${table} (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    process_name   VARCHAR(32) NOT NULL,
    correlation    VARCHAR(255) NOT NULL,
    deadline_key   VARCHAR(255),
    due_at         BIGINT NOT NULL,
    command_type   VARCHAR(255) NOT NULL,
    command        TEXT NOT NULL,
    correlation_id VARCHAR(255) NOT NULL,
    causation_id   VARCHAR(255) NOT NULL,
    attempts       INT NOT NULL,
    last_error     VARCHAR(2000),
    kept           BOOLEAN NOT NULL
);
-- The dispatcher's query: the rows not kept, by due time.
CREATE INDEX IF NOT EXISTS ${table}_due ON ${table} (kept, due_at);
-- Cancellations: a process's deadlines by correlation and key.
CREATE INDEX IF NOT EXISTS ${table}_key ON ${table} (process_name, correlation, deadline_key);
