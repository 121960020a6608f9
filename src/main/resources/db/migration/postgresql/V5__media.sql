-- PostgreSQL's spelling of V5: BYTEA for BLOB, BIGINT times.

CREATE TABLE media (
    name         TEXT    PRIMARY KEY,
    sha256       TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL CHECK (size > 0),
    bytes        BYTEA,
    created_at   BIGINT  NOT NULL,
    CHECK (bytes IS NULL OR length(bytes) = size)
);
