CREATE TABLE IF NOT EXISTS subscriptions (
    id                     text PRIMARY KEY,
    filter                 jsonb NOT NULL,
    channel_type           text NOT NULL,
    target                 text NOT NULL,
    secret                 text NOT NULL,
    management_token_hash  text NOT NULL,
    digest                 text NOT NULL DEFAULT 'immediate',
    status                 text NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS deliveries (
    id                text PRIMARY KEY,
    subscription_id   text NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    event_type        text NOT NULL,
    statement_id      text,
    payload           jsonb NOT NULL,
    status            text NOT NULL,
    attempts          int NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    last_status_code  int,
    last_latency_ms   int,
    last_error        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    delivered_at      timestamptz,
    UNIQUE (subscription_id, event_type, statement_id)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS deliveries_of_subscription ON deliveries (subscription_id, created_at DESC, id DESC);

-- The trace of the statement that caused a delivery, so its webhook POST joins that trace.
ALTER TABLE deliveries ADD COLUMN IF NOT EXISTS trace_parent text;
