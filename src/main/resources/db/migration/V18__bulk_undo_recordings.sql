-- Undo of a bulk delete puts back the cards' spoken answers too: their practice_recording rows are copied here
-- before the delete, column for column (BulkUndoTest checks), like the reviews and attempts in bulk_undo_*. A rowid
-- table, as the audio is large.
CREATE TABLE bulk_undo_recording (
    undo_learner INTEGER NOT NULL,
    id           INTEGER NOT NULL,
    learner_id   INTEGER NOT NULL,
    card_id      INTEGER NOT NULL,
    attempt_id   INTEGER,
    recorded_at  INTEGER NOT NULL,
    media_type   TEXT    NOT NULL,
    audio        BLOB    NOT NULL,
    PRIMARY KEY (undo_learner, id)
);

-- Deleting a card looks up its recordings (the foreign key's cascade, and the copy above): without an index on
-- card_id, each deleted card read the whole table, audio included.
CREATE INDEX practice_recording_card ON practice_recording (card_id);
