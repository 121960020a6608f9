-- PostgreSQL's spelling of V2: DOUBLE PRECISION for SQLite's REAL.

ALTER TABLE deck ADD COLUMN new_per_day       INTEGER NOT NULL DEFAULT 20  CHECK (new_per_day BETWEEN 0 AND 9999);
ALTER TABLE deck ADD COLUMN reviews_per_day   INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day BETWEEN 0 AND 99999);
ALTER TABLE deck ADD COLUMN desired_retention DOUBLE PRECISION;
ALTER TABLE deck ADD COLUMN maximum_interval  INTEGER;
ALTER TABLE deck ADD COLUMN learning_steps    TEXT;
ALTER TABLE deck ADD COLUMN relearning_steps  TEXT;
ALTER TABLE deck ADD COLUMN weights           TEXT;

CREATE INDEX card_state_due ON card_state (learner_id, suspended, state, due);
CREATE INDEX card_deck ON card (deck_id, position);
CREATE INDEX review_log_learner_time ON review_log (learner_id, reviewed_at);
CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);
