-- Answer practice: every typed attempt with its time and key-point coverage, and per-deck practice settings.

ALTER TABLE deck ADD COLUMN practice_mode           INTEGER CHECK (practice_mode IN (0, 1)); -- NULL: on when answers are long
ALTER TABLE deck ADD COLUMN practice_target_seconds INTEGER CHECK (practice_target_seconds BETWEEN 5 AND 3600);

CREATE TABLE practice_attempt (
    id           INTEGER PRIMARY KEY,
    card_id      INTEGER NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    review_id    INTEGER REFERENCES review_log (id) ON DELETE CASCADE, -- the rating it led to; NULL until rated
    attempted_at INTEGER NOT NULL,
    answer       TEXT    NOT NULL,
    seconds      INTEGER NOT NULL CHECK (seconds >= 0),
    coverage     REAL    NOT NULL CHECK (coverage BETWEEN 0 AND 1),
    key_points   TEXT    NOT NULL  -- JSON: [{"text":..., "covered":true|false}, ...]
);

CREATE INDEX practice_attempt_card ON practice_attempt (card_id, attempted_at);
CREATE INDEX practice_attempt_learner_time ON practice_attempt (learner_id, attempted_at);
