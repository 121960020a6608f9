-- Statistics: an optional interview date per deck; an hourly roll-up of the review log and a deck-ordered copy of
-- the cards' scheduling figures, both kept by triggers, so a year of statistics on a large collection reads a few
-- thousand roll-up rows and one ordered pass over the cards instead of joining every review and card.

ALTER TABLE deck ADD COLUMN interview_date TEXT; -- ISO date (yyyy-mm-dd) the user prepares for; NULL: none

-- Reviews per learner, deck and UTC hour, plus the same for all decks together under deck_id 0 (deck ids start at 1),
-- so an unfiltered year reads at most 8,784 rows. The hour, not the day, is stored because the learner's day depends
-- on their zone (with DST) and rollover hour, which the application applies when it reads. Kinds follow
-- state_before; young/mature count only review-state cards (interval before the review < or >= 21 days); passed =
-- rating >= 2.
CREATE TABLE review_hour (
    learner_id     INTEGER NOT NULL,
    deck_id        INTEGER NOT NULL, -- 0: every deck
    hour           INTEGER NOT NULL, -- reviewed_at / 3600000
    reviews        INTEGER NOT NULL,
    learning       INTEGER NOT NULL,
    review         INTEGER NOT NULL,
    relearning     INTEGER NOT NULL,
    young          INTEGER NOT NULL,
    young_passed   INTEGER NOT NULL,
    mature         INTEGER NOT NULL,
    mature_passed  INTEGER NOT NULL,
    duration_ms    INTEGER NOT NULL,
    PRIMARY KEY (learner_id, deck_id, hour)
) WITHOUT ROWID;

INSERT INTO review_hour
SELECT r.learner_id, c.deck_id, r.reviewed_at / 3600000, COUNT(*),
           SUM(r.state_before IN (0, 1)), SUM(r.state_before = 2), SUM(r.state_before = 3),
           SUM(r.state_before = 2 AND r.scheduled_days_before < 21),
           SUM(r.state_before = 2 AND r.scheduled_days_before < 21 AND r.rating >= 2),
           SUM(r.state_before = 2 AND r.scheduled_days_before >= 21),
           SUM(r.state_before = 2 AND r.scheduled_days_before >= 21 AND r.rating >= 2),
           SUM(r.duration_ms)
FROM review_log r JOIN card c ON c.id = r.card_id
GROUP BY r.learner_id, c.deck_id, r.reviewed_at / 3600000;

INSERT INTO review_hour
SELECT learner_id, 0, reviewed_at / 3600000, COUNT(*),
           SUM(state_before IN (0, 1)), SUM(state_before = 2), SUM(state_before = 3),
           SUM(state_before = 2 AND scheduled_days_before < 21),
           SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2),
           SUM(state_before = 2 AND scheduled_days_before >= 21),
           SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2),
           SUM(duration_ms)
FROM review_log GROUP BY learner_id, reviewed_at / 3600000;

CREATE TRIGGER review_hour_add AFTER INSERT ON review_log BEGIN
    INSERT INTO review_hour
    SELECT NEW.learner_id, c.deck_id, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms
    FROM card c WHERE c.id = NEW.card_id
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
    INSERT INTO review_hour
    SELECT NEW.learner_id, 0, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms
    WHERE true
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
END;

-- Undo removes one review. When a card is deleted its reviews were already subtracted (below) and the card is
-- gone, so the deck lookup finds nothing and the EXISTS keeps the all-decks row as it is.
CREATE TRIGGER review_hour_remove AFTER DELETE ON review_log
WHEN EXISTS (SELECT 1 FROM card WHERE id = OLD.card_id) BEGIN
    UPDATE review_hour SET
        reviews = reviews - 1, learning = learning - (OLD.state_before IN (0, 1)),
        review = review - (OLD.state_before = 2), relearning = relearning - (OLD.state_before = 3),
        young = young - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21),
        young_passed = young_passed - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21 AND OLD.rating >= 2),
        mature = mature - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21),
        mature_passed = mature_passed - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21 AND OLD.rating >= 2),
        duration_ms = duration_ms - OLD.duration_ms
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000
      AND deck_id IN (0, (SELECT deck_id FROM card WHERE id = OLD.card_id));
    DELETE FROM review_hour
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000
      AND deck_id IN (0, (SELECT deck_id FROM card WHERE id = OLD.card_id)) AND reviews <= 0;
END;

-- A card's whole history leaves (card deleted, or with its deck) or moves to another deck (re-filed by an import).
CREATE TRIGGER review_hour_card_deleted BEFORE DELETE ON card BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms
          FROM review_log WHERE card_id = OLD.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour
      AND review_hour.deck_id IN (0, OLD.deck_id);
END;

CREATE TRIGGER review_hour_card_moved AFTER UPDATE OF deck_id ON card WHEN OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms
          FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour AND review_hour.deck_id = OLD.deck_id;
    INSERT INTO review_hour
    SELECT learner_id, NEW.deck_id, reviewed_at / 3600000, COUNT(*),
           SUM(state_before IN (0, 1)), SUM(state_before = 2), SUM(state_before = 3),
           SUM(state_before = 2 AND scheduled_days_before < 21),
           SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2),
           SUM(state_before = 2 AND scheduled_days_before >= 21),
           SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2),
           SUM(duration_ms)
    FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
END;

-- Each card's scheduling figures keyed by deck, kept by triggers: per-deck statistics (states, stability, difficulty,
-- retrievability now) and the dashboard's due/new counts read it in deck order without joining card to card_state row by row, which was most of the
-- time of a stats request on 100,000 cards.
CREATE TABLE card_recall (
    learner_id     INTEGER NOT NULL,
    deck_id        INTEGER NOT NULL,
    card_id        INTEGER NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    state          INTEGER NOT NULL,
    suspended      INTEGER NOT NULL,
    stability      REAL    NOT NULL,
    difficulty     REAL    NOT NULL,
    scheduled_days INTEGER NOT NULL,
    last_review    INTEGER,
    due            INTEGER NOT NULL,
    PRIMARY KEY (learner_id, deck_id, card_id)
) WITHOUT ROWID;
CREATE INDEX card_recall_card ON card_recall (card_id, learner_id);

INSERT INTO card_recall
SELECT s.learner_id, c.deck_id, s.card_id, s.state, s.suspended, s.stability, s.difficulty, s.scheduled_days, s.last_review,
       s.due
FROM card_state s JOIN card c ON c.id = s.card_id;

CREATE TRIGGER card_recall_add AFTER INSERT ON card_state BEGIN
    INSERT INTO card_recall
    SELECT NEW.learner_id, c.deck_id, NEW.card_id, NEW.state, NEW.suspended, NEW.stability, NEW.difficulty,
           NEW.scheduled_days, NEW.last_review, NEW.due
    FROM card c WHERE c.id = NEW.card_id;
END;

CREATE TRIGGER card_recall_change AFTER UPDATE ON card_state BEGIN
    UPDATE card_recall SET state = NEW.state, suspended = NEW.suspended, stability = NEW.stability,
                           difficulty = NEW.difficulty, scheduled_days = NEW.scheduled_days, last_review = NEW.last_review,
                           due = NEW.due
    WHERE card_id = NEW.card_id AND learner_id = NEW.learner_id;
END;

CREATE TRIGGER card_recall_remove AFTER DELETE ON card_state BEGIN
    DELETE FROM card_recall WHERE card_id = OLD.card_id AND learner_id = OLD.learner_id;
END;

CREATE TRIGGER card_recall_moved AFTER UPDATE OF deck_id ON card WHEN OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE card_recall SET deck_id = NEW.deck_id WHERE card_id = NEW.id;
END;
