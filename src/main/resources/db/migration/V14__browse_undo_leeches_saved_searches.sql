-- Browse, the rest of issue 14: the last bulk edit of each learner kept so it can be undone, per-deck leech settings,
-- and saved searches.

-- The last bulk edit of each learner: what it was, and (below) the rows as they were before it, so undo puts them
-- back in one transaction. A new bulk edit replaces them; undo removes them.
CREATE TABLE bulk_undo (
    learner_id INTEGER PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
    action     TEXT    NOT NULL, -- BulkAction's name: suspend, move, delete, ...
    cards      INTEGER NOT NULL, -- how many cards it changed
    done_at    INTEGER NOT NULL, -- epoch ms
    last_review_id INTEGER        -- the newest review then: one after it was rated since
);

-- Copies of rows before the edit, column for column as the tables they copy (BulkUndoTest checks that every
-- column of those tables is here), keyed by the learner whose edit it was. A card's copy serves tag edits, moves and
-- deletes; its state's copy (every learner's, for a delete) serves suspend, flag, bury, forget, set due and delete;
-- the reviews and practice attempts serve delete, which takes them with the card.
CREATE TABLE bulk_undo_card (
    undo_learner        INTEGER NOT NULL,
    id                  INTEGER NOT NULL,
    deck_id             INTEGER NOT NULL,
    uid                 TEXT    NOT NULL,
    question            TEXT    NOT NULL,
    answer              TEXT    NOT NULL,
    tags                TEXT    NOT NULL,
    meta                TEXT    NOT NULL,
    position            INTEGER NOT NULL,
    removed_from_source INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    PRIMARY KEY (undo_learner, id)
) WITHOUT ROWID;

CREATE TABLE bulk_undo_state (
    undo_learner   INTEGER NOT NULL,
    card_id        INTEGER NOT NULL,
    learner_id     INTEGER NOT NULL,
    state          INTEGER NOT NULL,
    stability      REAL    NOT NULL,
    difficulty     REAL    NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    last_review    INTEGER,
    due            INTEGER NOT NULL,
    suspended      INTEGER NOT NULL,
    flag           INTEGER NOT NULL,
    buried_until   INTEGER,
    PRIMARY KEY (undo_learner, card_id, learner_id)
) WITHOUT ROWID;

CREATE TABLE bulk_undo_review (
    undo_learner          INTEGER NOT NULL,
    id                    INTEGER NOT NULL,
    card_id               INTEGER NOT NULL,
    learner_id            INTEGER NOT NULL,
    reviewed_at           INTEGER NOT NULL,
    rating                INTEGER NOT NULL,
    elapsed_days          INTEGER NOT NULL,
    duration_ms           INTEGER NOT NULL,
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
    due_after             INTEGER NOT NULL,
    request_id            TEXT,
    PRIMARY KEY (undo_learner, id)
) WITHOUT ROWID;

CREATE TABLE bulk_undo_attempt (
    undo_learner INTEGER NOT NULL,
    id           INTEGER NOT NULL,
    card_id      INTEGER NOT NULL,
    learner_id   INTEGER NOT NULL,
    review_id    INTEGER,
    attempted_at INTEGER NOT NULL,
    answer       TEXT    NOT NULL,
    seconds      INTEGER NOT NULL,
    coverage     REAL    NOT NULL,
    key_points   TEXT    NOT NULL,
    PRIMARY KEY (undo_learner, id)
) WITHOUT ROWID;

-- Leeches, as Anki: a card forgotten this many times is tagged "leech" (again every half as many lapses after), and
-- suspended too unless the deck says tag only.
ALTER TABLE deck ADD COLUMN leech_threshold INTEGER NOT NULL DEFAULT 8 CHECK (leech_threshold BETWEEN 1 AND 99);
ALTER TABLE deck ADD COLUMN leech_action    TEXT    NOT NULL DEFAULT 'suspend' CHECK (leech_action IN ('suspend', 'tag'));

-- Searches a learner named and keeps in the sidebar of /browse.
CREATE TABLE saved_search (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    query      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (learner_id, name)
);

-- Custom study (Anki's): one session per learner, a fixed list of cards in study order taken from a search when it
-- starts, studied with real ratings (review ahead: FSRS schedules an early review from the days actually elapsed).
CREATE TABLE custom_study (
    learner_id INTEGER PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
    mode       TEXT    NOT NULL CHECK (mode IN ('ahead', 'forgotten')),
    query      TEXT    NOT NULL,
    card_ids   TEXT    NOT NULL, -- JSON array of card ids, in the order they are studied
    position   INTEGER NOT NULL DEFAULT 0, -- how many of them are done
    started_at INTEGER NOT NULL
);

-- "More new cards today": extra new cards a deck offers on one study day, on top of its daily limit.
CREATE TABLE extra_new_today (
    learner_id INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    deck_id    INTEGER NOT NULL REFERENCES deck (id) ON DELETE CASCADE,
    day        TEXT    NOT NULL, -- the study day (ISO date) it is for; another day's row counts for nothing
    extra      INTEGER NOT NULL CHECK (extra BETWEEN 1 AND 9999),
    PRIMARY KEY (learner_id, deck_id)
);
