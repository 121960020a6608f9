-- Accounts (issue 17): each account is a learner, so its scheduling state, review log and practice attempts are the
-- rows already keyed by learner_id. Without any account the site stays the single local learner (id 1).

CREATE TABLE account (
    learner_id    INTEGER PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT    NOT NULL,              -- BCrypt, cost and salt inside
    admin         INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    INTEGER NOT NULL
);

-- A browser's signed-in session. Only the SHA-256 of the cookie's random value is kept, so a copy of the database
-- does not sign anyone in.
CREATE TABLE account_session (
    id           INTEGER PRIMARY KEY,
    token_hash   BLOB    NOT NULL UNIQUE,
    learner_id   INTEGER NOT NULL REFERENCES account (learner_id) ON DELETE CASCADE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    user_agent   TEXT    NOT NULL DEFAULT '',
    address      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX account_session_learner ON account_session (learner_id);

-- Named tokens for the JSON API (Authorization: Bearer), shown once when made; only their SHA-256 is kept.
CREATE TABLE api_token (
    id           INTEGER PRIMARY KEY,
    token_hash   BLOB    NOT NULL UNIQUE,
    learner_id   INTEGER NOT NULL REFERENCES account (learner_id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_token_learner ON api_token (learner_id);
