-- Every statement event in order, for server-sent event streams: a client resumes after the last id it saw.
CREATE TABLE IF NOT EXISTS stream_events (
    seq           bigserial PRIMARY KEY,
    event_type    text NOT NULL,
    statement_id  text NOT NULL,
    data          text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
