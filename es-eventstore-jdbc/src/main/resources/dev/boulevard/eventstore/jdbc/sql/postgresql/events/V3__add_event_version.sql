-- The version of its type that each event's payload was written in; rows stored before this
-- column existed are version 1. Readers upcast older versions to the current one.
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS event_version INT NOT NULL DEFAULT 1;
