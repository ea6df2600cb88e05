-- Boulevard snapshots, H2 2.x: the latest snapshot of each aggregate. Replace ${table} with the
-- table's name (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    aggregate_id  VARCHAR(255) NOT NULL PRIMARY KEY,
    -- The playhead of the last event the state takes into account.
    playhead      BIGINT NOT NULL,
    -- The version of the state's format that the aggregate declared; a snapshot of another
    -- version is never read.
    state_version INT NOT NULL,
    state         CHARACTER LARGE OBJECT NOT NULL,
    CONSTRAINT ${table}_playhead CHECK (playhead >= 0)
);
