-- Boulevard projections, H2 2.x: the four tables of
-- JdbcReadModelStorage.projectionStore("<name>").
-- Replace ${table} with the name (Flyway placeholders use this syntax).
-- Checkpoints and parked events: one row per projection and generation.
CREATE TABLE IF NOT EXISTS ${table} (
    name                VARCHAR(64) NOT NULL,
    generation          INT NOT NULL,
    live                BOOLEAN NOT NULL,
    commit_order        BIGINT NOT NULL,
    position            BIGINT NOT NULL,
    parked_commit_order BIGINT,
    parked_position     BIGINT,
    parked_event_type   VARCHAR(255),
    parked_error        VARCHAR(2000),
    parked_at           VARCHAR(40),
    PRIMARY KEY (name, generation)
);
-- What operators decided about parked events (skip or retry), as an audit trail.
CREATE TABLE IF NOT EXISTS ${table}_decisions (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         VARCHAR(64) NOT NULL,
    decision     VARCHAR(16) NOT NULL,
    commit_order BIGINT NOT NULL,
    position     BIGINT NOT NULL,
    event_type   VARCHAR(255) NOT NULL,
    error        VARCHAR(2000) NOT NULL,
    parked_at    VARCHAR(40) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    decided_at   VARCHAR(40) NOT NULL
);
-- The lease of each projection or group: who runs it, until when (database milliseconds).
CREATE TABLE IF NOT EXISTS ${table}_leases (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    owner      VARCHAR(200),
    epoch      BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
-- The live members of each group of runners, until when (database milliseconds).
CREATE TABLE IF NOT EXISTS ${table}_members (
    grp        VARCHAR(64) NOT NULL,
    owner      VARCHAR(200) NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (grp, owner)
);
