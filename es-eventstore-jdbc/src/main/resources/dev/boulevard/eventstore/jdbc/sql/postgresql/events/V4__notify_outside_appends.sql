-- The store tells tailing readers of its appends itself, after they commit, with one NOTIFY for
-- many appends from a thread of its own: a NOTIFY inside an append made PostgreSQL commit
-- concurrent appends one at a time (the commits of notifying transactions take turns).
DROP TRIGGER IF EXISTS ${table}_notify_readers ON ${table};
DROP FUNCTION IF EXISTS ${table}_notify();
