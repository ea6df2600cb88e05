-- Boulevard snapshots, MariaDB 10.6 or later: the latest snapshot of each aggregate. Replace
-- ${table} with the table's name (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    -- A binary collation without padding, as in the events table.
    aggregate_id  VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL PRIMARY KEY,
    -- The playhead of the last event the state takes into account.
    playhead      BIGINT NOT NULL,
    -- The version of the state's format that the aggregate declared; a snapshot of another
    -- version is never read.
    state_version INT NOT NULL,
    state         JSON NOT NULL,
    CONSTRAINT ${table}_playhead CHECK (playhead >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
