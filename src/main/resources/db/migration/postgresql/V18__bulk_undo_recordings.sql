-- PostgreSQL's spelling of V18: BIGINT ids and times, BYTEA for BLOB. Undo of a bulk delete puts back the cards'
-- spoken answers too: their practice_recording rows are copied here before the delete, column for column.

CREATE TABLE bulk_undo_recording (
    undo_learner BIGINT NOT NULL,
    id           BIGINT NOT NULL,
    learner_id   BIGINT NOT NULL,
    card_id      BIGINT NOT NULL,
    attempt_id   BIGINT,
    recorded_at  BIGINT NOT NULL,
    media_type   TEXT   NOT NULL,
    audio        BYTEA  NOT NULL,
    PRIMARY KEY (undo_learner, id)
);

-- Deleting a card looks up its recordings (the foreign key's cascade, and the copy above).
CREATE INDEX practice_recording_card ON practice_recording (card_id);
