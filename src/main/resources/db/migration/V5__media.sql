-- Images and sounds that cards show, by the name their Markdown gives them: ![alt](media/NAME).

CREATE TABLE media (
    name         TEXT    PRIMARY KEY,                      -- a plain file name (media/MediaNames), served at /media/NAME
    sha256       TEXT    NOT NULL,                         -- hex digest of the bytes: the HTTP ETag
    content_type TEXT    NOT NULL,                         -- sniffed from the bytes, never taken from the name
    size         INTEGER NOT NULL CHECK (size > 0),
    bytes        BLOB,                                     -- NULL once no card uses it; the name keeps its sha256
    created_at   INTEGER NOT NULL,
    CHECK (bytes IS NULL OR length(bytes) = size)
);
