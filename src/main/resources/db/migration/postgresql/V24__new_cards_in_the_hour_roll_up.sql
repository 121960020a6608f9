-- PostgreSQL's spelling of V24 (see ../V24__new_cards_in_the_hour_roll_up.sql): review_hour counts the reviews of new
-- cards too, back-filled from the log, and the functions behind its triggers (V4) keep the new column.

ALTER TABLE review_hour ADD COLUMN new_cards INTEGER NOT NULL DEFAULT 0;

UPDATE review_hour SET new_cards = agg.new_cards
FROM (SELECT r.learner_id, c.deck_id, r.reviewed_at / 3600000 AS hour, COUNT(*) AS new_cards
      FROM review_log r JOIN card c ON c.id = r.card_id WHERE r.state_before = 0
      GROUP BY r.learner_id, c.deck_id, r.reviewed_at / 3600000) AS agg
WHERE review_hour.learner_id = agg.learner_id AND review_hour.deck_id = agg.deck_id AND review_hour.hour = agg.hour;

UPDATE review_hour SET new_cards = agg.new_cards
FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS new_cards
      FROM review_log WHERE state_before = 0 GROUP BY learner_id, reviewed_at / 3600000) AS agg
WHERE review_hour.learner_id = agg.learner_id AND review_hour.deck_id = 0 AND review_hour.hour = agg.hour;

CREATE OR REPLACE FUNCTION review_hour_shift(p_card BIGINT, p_deck BIGINT, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
    INSERT INTO review_hour AS h (learner_id, deck_id, hour, reviews, learning, review, relearning, young,
                                  young_passed, mature, mature_passed, duration_ms, new_cards)
    SELECT r.learner_id, p_deck, r.reviewed_at / 3600000, p_sign * COUNT(*),
           p_sign * SUM((r.state_before IN (0, 1))::INTEGER), p_sign * SUM((r.state_before = 2)::INTEGER),
           p_sign * SUM((r.state_before = 3)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before < 21)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before < 21 AND r.rating >= 2)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before >= 21)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before >= 21 AND r.rating >= 2)::INTEGER),
           p_sign * SUM(r.duration_ms), p_sign * SUM((r.state_before = 0)::INTEGER)
    FROM review_log r WHERE r.card_id = p_card GROUP BY r.learner_id, r.reviewed_at / 3600000
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = h.reviews + excluded.reviews, learning = h.learning + excluded.learning,
        review = h.review + excluded.review, relearning = h.relearning + excluded.relearning,
        young = h.young + excluded.young, young_passed = h.young_passed + excluded.young_passed,
        mature = h.mature + excluded.mature, mature_passed = h.mature_passed + excluded.mature_passed,
        duration_ms = h.duration_ms + excluded.duration_ms, new_cards = h.new_cards + excluded.new_cards;
    DELETE FROM review_hour WHERE deck_id = p_deck AND reviews <= 0
      AND learner_id IN (SELECT learner_id FROM review_log WHERE card_id = p_card);
$$;

CREATE OR REPLACE FUNCTION review_hour_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO review_hour AS h (learner_id, deck_id, hour, reviews, learning, review, relearning, young,
                                  young_passed, mature, mature_passed, duration_ms, new_cards)
    SELECT NEW.learner_id, d.deck_id, NEW.reviewed_at / 3600000, 1,
           (NEW.state_before IN (0, 1))::INTEGER, (NEW.state_before = 2)::INTEGER, (NEW.state_before = 3)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before < 21)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before >= 21)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2)::INTEGER,
           NEW.duration_ms, (NEW.state_before = 0)::INTEGER
    FROM (SELECT c.deck_id FROM card c WHERE c.id = NEW.card_id UNION ALL SELECT 0) AS d
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = h.reviews + excluded.reviews, learning = h.learning + excluded.learning,
        review = h.review + excluded.review, relearning = h.relearning + excluded.relearning,
        young = h.young + excluded.young, young_passed = h.young_passed + excluded.young_passed,
        mature = h.mature + excluded.mature, mature_passed = h.mature_passed + excluded.mature_passed,
        duration_ms = h.duration_ms + excluded.duration_ms, new_cards = h.new_cards + excluded.new_cards;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION review_hour_remove() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    card_deck BIGINT;
BEGIN
    SELECT deck_id INTO card_deck FROM card WHERE id = OLD.card_id;
    IF card_deck IS NULL THEN
        RETURN NULL;
    END IF;
    UPDATE review_hour SET
        reviews = reviews - 1, learning = learning - (OLD.state_before IN (0, 1))::INTEGER,
        review = review - (OLD.state_before = 2)::INTEGER, relearning = relearning - (OLD.state_before = 3)::INTEGER,
        young = young - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21)::INTEGER,
        young_passed = young_passed
            - (OLD.state_before = 2 AND OLD.scheduled_days_before < 21 AND OLD.rating >= 2)::INTEGER,
        mature = mature - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21)::INTEGER,
        mature_passed = mature_passed
            - (OLD.state_before = 2 AND OLD.scheduled_days_before >= 21 AND OLD.rating >= 2)::INTEGER,
        duration_ms = duration_ms - OLD.duration_ms, new_cards = new_cards - (OLD.state_before = 0)::INTEGER
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000 AND deck_id IN (0, card_deck);
    DELETE FROM review_hour
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000 AND deck_id IN (0, card_deck)
      AND reviews <= 0;
    RETURN NULL;
END $$;

DROP INDEX review_log_new_cards;
