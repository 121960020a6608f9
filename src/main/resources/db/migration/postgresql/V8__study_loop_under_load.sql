-- PostgreSQL's spelling of V8: idempotent ratings and the study loop's indexes. V4's triggers here already find
-- card_recall rows by the whole key, which SQLite's V8 had to redo.

ALTER TABLE review_log ADD COLUMN request_id TEXT;
CREATE UNIQUE INDEX review_log_request ON review_log (learner_id, request_id) WHERE request_id IS NOT NULL;

CREATE INDEX card_recall_queue ON card_recall (learner_id, deck_id, state, suspended, due);
CREATE INDEX review_log_learner ON review_log (learner_id, id);

DROP INDEX review_log_card;
CREATE INDEX review_log_card ON review_log (card_id, learner_id, reviewed_at);

CREATE INDEX practice_attempt_review ON practice_attempt (review_id);
