-- Boulevard command log, version 2: the failure's class in a column of its own, and from now on
-- the message alone in error (empty if it had none). Existing failures, stored as "class: message",
-- are split (a Java class name never holds ": "). Replace ${table} with the table's name.
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS error_type VARCHAR(255);
UPDATE ${table}
   SET error_type = CASE WHEN strpos(error, ': ') > 0 THEN left(error, strpos(error, ': ') - 1)
                         ELSE COALESCE(error, '') END,
       error = CASE WHEN strpos(error, ': ') > 0 THEN substr(error, strpos(error, ': ') + 2)
                    ELSE '' END
 WHERE outcome = 'FAILED' AND error_type IS NULL;
