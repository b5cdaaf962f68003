-- People and organisations an editor merged into another (POST .../{slug}/merge). The old slug is kept here, not in
-- people or organisations: its page answers 301 to the one it went into, a filter or a newly ingested name that gives
-- it means that one, and it is listed nowhere. Always one hop: merging the target on rewrites these rows too.
CREATE TABLE IF NOT EXISTS entity_merges (
    entity_kind  text NOT NULL,
    slug         text NOT NULL,
    into_slug    text NOT NULL,
    merged_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (entity_kind, slug)
);
CREATE INDEX IF NOT EXISTS entity_merges_into ON entity_merges (entity_kind, into_slug);
