-- Decks, cards, per-learner scheduling state and the append-only review log.
-- Times are epoch milliseconds (UTC). Calendar logic happens in the learner's zone, in Java.

CREATE TABLE learner (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    time_zone     TEXT,                       -- NULL: the zone of the machine running prepdeck
    rollover_hour INTEGER NOT NULL DEFAULT 4 CHECK (rollover_hour BETWEEN 0 AND 23),
    created_at    INTEGER NOT NULL
);

-- One learner today, and every per-learner row already carries learner_id so accounts need no data migration.
INSERT INTO learner (id, name, created_at) VALUES (1, 'default', CAST(strftime('%s', 'now') AS INTEGER) * 1000);

CREATE TABLE deck (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE,
    description TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '',  -- comma-separated
    source_path TEXT    UNIQUE,               -- deck file (relative to the decks folder) it was imported from
    source_hash TEXT,                         -- SHA-256 of that file at its last import
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);

CREATE TABLE card (
    id                  INTEGER PRIMARY KEY,
    deck_id             INTEGER NOT NULL REFERENCES deck (id) ON DELETE CASCADE,
    uid                 TEXT    NOT NULL,      -- stable id written to deck files as <!-- id: ... -->
    question            TEXT    NOT NULL CHECK (length(trim(question)) > 0),
    answer              TEXT    NOT NULL,
    tags                TEXT    NOT NULL DEFAULT '',
    meta                TEXT    NOT NULL DEFAULT '', -- other per-card metadata, one "key: value" per line
    position            INTEGER NOT NULL,
    removed_from_source INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (deck_id, uid)
);

CREATE TABLE card_state (
    card_id        INTEGER NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    learner_id     INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    state          INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),
    stability      REAL    NOT NULL DEFAULT 0,
    difficulty     REAL    NOT NULL DEFAULT 0,
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0,
    learning_steps INTEGER NOT NULL DEFAULT 0,
    scheduled_days INTEGER NOT NULL DEFAULT 0,
    elapsed_days   INTEGER NOT NULL DEFAULT 0,
    last_review    INTEGER,
    due            INTEGER NOT NULL,
    suspended      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (card_id, learner_id)
);

-- Append-only except for undo. Holds the full state before and after, so progress can be recomputed
-- and the last rating can be taken back exactly.
CREATE TABLE review_log (
    id                    INTEGER PRIMARY KEY,
    card_id               INTEGER NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    learner_id            INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    reviewed_at           INTEGER NOT NULL,
    rating                INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    elapsed_days          INTEGER NOT NULL,
    duration_ms           INTEGER NOT NULL CHECK (duration_ms >= 0),
    state_before          INTEGER NOT NULL,
    stability_before      REAL    NOT NULL,
    difficulty_before     REAL    NOT NULL,
    reps_before           INTEGER NOT NULL,
    lapses_before         INTEGER NOT NULL,
    learning_steps_before INTEGER NOT NULL,
    scheduled_days_before INTEGER NOT NULL,
    elapsed_days_before   INTEGER NOT NULL,
    last_review_before    INTEGER,
    due_before            INTEGER NOT NULL,
    state_after           INTEGER NOT NULL,
    stability_after       REAL    NOT NULL,
    difficulty_after      REAL    NOT NULL,
    scheduled_days_after  INTEGER NOT NULL,
    due_after             INTEGER NOT NULL
);
