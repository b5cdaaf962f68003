-- A statement's newest correction (StatementUpdated) as the catalogue sent it, and when the catalogue made it: the
-- stream log's copy of the statement is replaced with it, an older correction handled later changes nothing, and a
-- publication handled after it (a backlog, a retry) is alerted and logged as corrected.
ALTER TABLE known_statements ADD COLUMN IF NOT EXISTS corrected text;
ALTER TABLE known_statements ADD COLUMN IF NOT EXISTS corrected_at timestamptz;
-- A correction finds its statement's logged copy by id; without this, each batch of corrections (a merge moves many)
-- would read the whole stream log.
CREATE INDEX IF NOT EXISTS stream_events_published_statement ON stream_events (statement_id) WHERE event_type = 'statement.published';
