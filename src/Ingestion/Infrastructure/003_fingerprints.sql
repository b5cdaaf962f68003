-- Near-duplicate lookup: a document's MinHash signature, and its band hashes to find candidates by equality.
CREATE TABLE IF NOT EXISTS document_fingerprints (
    document_id  text PRIMARY KEY REFERENCES documents (id),
    signature    bigint[] NOT NULL
);

CREATE TABLE IF NOT EXISTS document_bands (
    band         smallint NOT NULL,
    hash         bigint NOT NULL,
    document_id  text NOT NULL REFERENCES documents (id),
    PRIMARY KEY (band, hash, document_id)
);
