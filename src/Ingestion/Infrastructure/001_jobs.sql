CREATE TABLE IF NOT EXISTS documents (
    id            text PRIMARY KEY,
    content_hash  text NOT NULL UNIQUE,
    content_type  text NOT NULL,
    content       bytea NOT NULL,
    source_url    text,
    published_on  date,
    language      text,
    received_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS jobs (
    id               text PRIMARY KEY,
    document_id      text NOT NULL REFERENCES documents (id),
    status           text NOT NULL,
    stage            text,
    error            text,
    statement_count  int,
    created_at       timestamptz NOT NULL DEFAULT now(),
    completed_at     timestamptz
);
CREATE INDEX IF NOT EXISTS jobs_recent ON jobs (created_at DESC, id DESC);
