-- The daily limits count the new cards each deck studied today on every card shown. They were read from the review
-- log (V20's index), one row per new card rated today, which grew through the day: at thousands of new cards a day
-- it was the largest read of GET /api/review/next (issue 19). review_hour now counts them too, so the limits read
-- the day's whole hours from the roll-up (a row per deck and hour) and only its part hours from the log. Every
-- trigger that keeps review_hour is written again with the new column; they are otherwise as V4, V7 and V22 left
-- them.

ALTER TABLE review_hour ADD COLUMN new_cards INTEGER NOT NULL DEFAULT 0; -- reviews of a new card (state_before 0)

UPDATE review_hour SET new_cards = agg.new_cards
FROM (SELECT r.learner_id, c.deck_id, r.reviewed_at / 3600000 AS hour, COUNT(*) AS new_cards
      FROM review_log r JOIN card c ON c.id = r.card_id WHERE r.state_before = 0
      GROUP BY r.learner_id, c.deck_id, r.reviewed_at / 3600000) AS agg
WHERE review_hour.learner_id = agg.learner_id AND review_hour.deck_id = agg.deck_id AND review_hour.hour = agg.hour;

UPDATE review_hour SET new_cards = agg.new_cards
FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS new_cards
      FROM review_log WHERE state_before = 0 GROUP BY learner_id, reviewed_at / 3600000) AS agg
WHERE review_hour.learner_id = agg.learner_id AND review_hour.deck_id = 0 AND review_hour.hour = agg.hour;

DROP TRIGGER review_hour_add;
CREATE TRIGGER review_hour_add AFTER INSERT ON review_log WHEN NOT EXISTS (SELECT 1 FROM review_hour_held) BEGIN
    INSERT INTO review_hour (learner_id, deck_id, hour, reviews, learning, review, relearning, young, young_passed,
                             mature, mature_passed, duration_ms, new_cards)
    SELECT NEW.learner_id, c.deck_id, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms, NEW.state_before = 0
    FROM card c WHERE c.id = NEW.card_id
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms, new_cards = new_cards + excluded.new_cards;
    INSERT INTO review_hour (learner_id, deck_id, hour, reviews, learning, review, relearning, young, young_passed,
                             mature, mature_passed, duration_ms, new_cards)
    SELECT NEW.learner_id, 0, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms, NEW.state_before = 0
    WHERE true
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms, new_cards = new_cards + excluded.new_cards;
END;

-- Undo gives an undone new card's place in the day's limit back.
DROP TRIGGER review_hour_remove;
CREATE TRIGGER review_hour_remove AFTER DELETE ON review_log
WHEN EXISTS (SELECT 1 FROM card WHERE id = OLD.card_id) BEGIN
    UPDATE review_hour SET
        reviews = reviews - 1, learning = learning - (OLD.state_before IN (0, 1)),
        review = review - (OLD.state_before = 2), relearning = relearning - (OLD.state_before = 3),
        young = young - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21),
        young_passed = young_passed - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21 AND OLD.rating >= 2),
        mature = mature - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21),
        mature_passed = mature_passed - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21 AND OLD.rating >= 2),
        duration_ms = duration_ms - OLD.duration_ms, new_cards = new_cards - (OLD.state_before = 0)
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000
      AND deck_id IN (0, (SELECT deck_id FROM card WHERE id = OLD.card_id));
    DELETE FROM review_hour
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000
      AND deck_id IN (0, (SELECT deck_id FROM card WHERE id = OLD.card_id)) AND reviews <= 0;
END;

DROP TRIGGER review_hour_card_deleted;
CREATE TRIGGER review_hour_card_deleted BEFORE DELETE ON card BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms, new_cards = review_hour.new_cards - agg.new_cards
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms, SUM(state_before = 0) AS new_cards
          FROM review_log WHERE card_id = OLD.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour
      AND review_hour.deck_id IN (0, OLD.deck_id);
END;

-- A card moved to another deck takes its new-card reviews along: today's limits count them in the deck it is in.
DROP TRIGGER review_hour_card_moved;
CREATE TRIGGER review_hour_card_moved AFTER UPDATE OF deck_id ON card WHEN OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms, new_cards = review_hour.new_cards - agg.new_cards
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms, SUM(state_before = 0) AS new_cards
          FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour AND review_hour.deck_id = OLD.deck_id;
    INSERT INTO review_hour (learner_id, deck_id, hour, reviews, learning, review, relearning, young, young_passed,
                             mature, mature_passed, duration_ms, new_cards)
    SELECT learner_id, NEW.deck_id, reviewed_at / 3600000, COUNT(*),
           SUM(state_before IN (0, 1)), SUM(state_before = 2), SUM(state_before = 3),
           SUM(state_before = 2 AND scheduled_days_before < 21),
           SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2),
           SUM(state_before = 2 AND scheduled_days_before >= 21),
           SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2),
           SUM(duration_ms), SUM(state_before = 0)
    FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms, new_cards = new_cards + excluded.new_cards;
END;

-- V20's index of new-card reviews served only the limits' old count.
DROP INDEX review_log_new_cards;
