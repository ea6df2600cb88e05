-- Boulevard event store, MariaDB 10.6 or later. Replace ${table} with the table's name
-- (Flyway and Liquibase placeholders use this syntax).
CREATE TABLE IF NOT EXISTS ${table} (
    global_position BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id        CHAR(36) CHARACTER SET ascii NOT NULL,
    -- A binary collation without padding: ids that differ in case or trailing spaces differ.
    aggregate_id    VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    playhead        BIGINT NOT NULL,
    event_type      VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin NOT NULL,
    payload         JSON NOT NULL,
    metadata        JSON NOT NULL,
    -- UTC, to the microsecond.
    recorded_on     DATETIME(6) NOT NULL,
    CONSTRAINT ${table}_event_id UNIQUE (event_id),
    CONSTRAINT ${table}_aggregate_playhead UNIQUE (aggregate_id, playhead),
    INDEX ${table}_event_type (event_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- Appends take this row's lock, so they commit in global_position order and a reader of the
-- global log never skips an event that commits late.
CREATE TABLE IF NOT EXISTS ${table}_append_lock (
    id INT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
INSERT IGNORE INTO ${table}_append_lock (id) VALUES (1);
