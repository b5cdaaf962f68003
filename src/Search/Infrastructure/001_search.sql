CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE; a generated column needs an IMMUTABLE wrapper.
CREATE OR REPLACE FUNCTION idm_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE OR REPLACE FUNCTION idm_text_config(language text) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE language WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'en' THEN 'english' ELSE 'simple' END::regconfig $$;

CREATE TABLE IF NOT EXISTS statements (
    id                 text PRIMARY KEY,
    kind               text NOT NULL,
    text               text NOT NULL,
    language           text NOT NULL,
    date               date,
    speaker_slug       text,
    speaker_name       text,
    organisation_slug  text,
    organisation_name  text,
    event_slug         text,
    event_name         text,
    themes             text[] NOT NULL DEFAULT '{}',
    gcm_objectives     int[] NOT NULL DEFAULT '{}',
    document_id        text NOT NULL,
    title              text,
    url                text,
    indexed_at         timestamptz NOT NULL DEFAULT now(),
    -- The text is stemmed in its own language; names are matched as written, accents ignored.
    document           tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(idm_text_config(language), idm_unaccent(text)), 'B')
        || setweight(to_tsvector('simple', idm_unaccent(coalesce(speaker_name, '') || ' ' || coalesce(organisation_name, '') || ' ' || coalesce(event_name, ''))), 'A')
    ) STORED
);
CREATE INDEX IF NOT EXISTS statements_document ON statements USING gin (document);
CREATE INDEX IF NOT EXISTS statements_date ON statements (date DESC NULLS LAST, id);

-- Retracted statements stay retracted: an update handled after the retraction must not re-insert the row.
CREATE TABLE IF NOT EXISTS retracted_statements (
    id            text PRIMARY KEY,
    retracted_at  timestamptz NOT NULL DEFAULT now()
);
