-- Stored events are immutable: refuse UPDATE and DELETE on ${table}.
DROP TRIGGER IF EXISTS ${table}_no_update;
CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are immutable: UPDATE refused';
DROP TRIGGER IF EXISTS ${table}_no_delete;
CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'events are immutable: DELETE refused';
