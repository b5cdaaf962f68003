-- Every statement this service has been told of, and when it was retracted. A retraction handled before the statement's
-- publication (a backlog, a retry, a replayed error queue) keeps it from being alerted, and because both write the
-- statement's row, whichever comes second waits for the first to commit and sees what it did.
CREATE TABLE IF NOT EXISTS known_statements (
    statement_id  text PRIMARY KEY,
    retracted_at  timestamptz
);
