-- Stored events are immutable: refuse UPDATE, DELETE and TRUNCATE on ${table}.
CREATE OR REPLACE FUNCTION ${table}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'events in ${table} are immutable: % refused', TG_OP;
END
$$;
DROP TRIGGER IF EXISTS ${table}_immutable_rows ON ${table};
CREATE TRIGGER ${table}_immutable_rows BEFORE UPDATE OR DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_change();
DROP TRIGGER IF EXISTS ${table}_immutable_table ON ${table};
CREATE TRIGGER ${table}_immutable_table BEFORE TRUNCATE ON ${table}
    FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refuse_change();
