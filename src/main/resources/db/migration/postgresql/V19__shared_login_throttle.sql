-- PostgreSQL's spelling of V19 (see ../V19__shared_login_throttle.sql): BIGINT times, no WITHOUT ROWID.
CREATE TABLE login_failure (
    subject    TEXT    PRIMARY KEY,
    failures   INTEGER NOT NULL,
    last_at    BIGINT  NOT NULL,
    wait_until BIGINT  NOT NULL
);

CREATE INDEX login_failure_last_at ON login_failure (last_at);
