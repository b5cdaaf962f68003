CREATE TABLE IF NOT EXISTS sources (
    id              text PRIMARY KEY,
    url             text NOT NULL UNIQUE,
    poll_every      interval NOT NULL,
    next_poll_at    timestamptz NOT NULL DEFAULT now(),
    last_polled_at  timestamptz,
    last_error      text,
    items_seen      int NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS source_items (
    source_id  text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    item_key   text NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source_id, item_key)
);
