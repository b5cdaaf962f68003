CREATE TABLE IF NOT EXISTS organisations (
    slug     text PRIMARY KEY,
    name     text NOT NULL,
    acronym  text
);

CREATE TABLE IF NOT EXISTS people (
    slug               text PRIMARY KEY,
    name               text NOT NULL,
    role               text,
    organisation_slug  text REFERENCES organisations (slug)
);

CREATE TABLE IF NOT EXISTS events (
    slug       text PRIMARY KEY,
    name       text NOT NULL,
    starts_on  date,
    ends_on    date
);

CREATE TABLE IF NOT EXISTS documents (
    id              text PRIMARY KEY,
    title           text,
    published_on    date,
    language        text NOT NULL,
    kind            text NOT NULL,
    source_url      text,
    content_hash    text NOT NULL,
    duplicate_of    text,
    translation_of  text,
    themes          text[] NOT NULL DEFAULT '{}',
    gcm_objectives  int[] NOT NULL DEFAULT '{}',
    text            text NOT NULL,
    catalogued_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS document_entities (
    document_id  text NOT NULL REFERENCES documents (id),
    entity_kind  text NOT NULL,
    slug         text NOT NULL,
    role         text,
    PRIMARY KEY (document_id, entity_kind, slug)
);

CREATE TABLE IF NOT EXISTS statements (
    id                 text PRIMARY KEY,
    document_id        text NOT NULL REFERENCES documents (id),
    ordinal            int NOT NULL,
    kind               text NOT NULL,
    text               text NOT NULL,
    language           text NOT NULL,
    date               date,
    speaker_slug       text REFERENCES people (slug),
    speaker_role       text,
    organisation_slug  text REFERENCES organisations (slug),
    event_slug         text REFERENCES events (slug),
    panel              text,
    themes             text[] NOT NULL DEFAULT '{}',
    gcm_objectives     int[] NOT NULL DEFAULT '{}',
    passage_start      int NOT NULL,
    passage_end        int NOT NULL,
    catalogued_at      timestamptz NOT NULL DEFAULT now(),
    retracted_at       timestamptz,
    UNIQUE (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS statements_recent ON statements (catalogued_at DESC, id DESC) WHERE retracted_at IS NULL;
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker_slug);
CREATE INDEX IF NOT EXISTS statements_organisation ON statements (organisation_slug);
CREATE INDEX IF NOT EXISTS statements_event ON statements (event_slug);
