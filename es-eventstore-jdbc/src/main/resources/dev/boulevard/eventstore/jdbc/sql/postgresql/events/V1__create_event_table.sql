-- Boulevard event store, PostgreSQL 13 or later. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The writing transaction's id: the global log is read in (transaction_id, global_position)
    -- order, and only below the oldest running transaction, so no late commit is ever skipped.
    transaction_id  XID8 NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    playhead        BIGINT NOT NULL,
    event_type      VARCHAR(255) NOT NULL,
    payload         JSONB NOT NULL,
    metadata        JSONB NOT NULL,
    recorded_on     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT ${table}_event_id UNIQUE (event_id),
    CONSTRAINT ${table}_aggregate_playhead UNIQUE (aggregate_id, playhead)
);
CREATE INDEX IF NOT EXISTS ${table}_log_order ON ${table} (transaction_id, global_position);
CREATE INDEX IF NOT EXISTS ${table}_event_type ON ${table} (event_type);
-- Wakes tailing readers (LISTEN boulevard_<table>) when an append commits, in the append's own
-- round trip; notifications of one transaction are folded into one.
CREATE OR REPLACE FUNCTION ${table}_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(lower('boulevard_${table}'), '');
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS ${table}_notify_readers ON ${table};
CREATE TRIGGER ${table}_notify_readers AFTER INSERT ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${table}_notify();
