-- No query needs an index on the event type: visiting events by type reads the log in position
-- order, as every read of the log does, and an index that no query uses costs every append.
DROP INDEX IF EXISTS ${table}_event_type;
