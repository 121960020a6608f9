-- PostgreSQL's spelling of V4 (see ../V4__statistics.sql): the same review_hour and card_recall tables, kept by
-- plpgsql triggers in the same transaction as the write that changes them. A true/false test counts as 1/0 with
-- ::INTEGER where SQLite adds booleans directly.

ALTER TABLE deck ADD COLUMN interview_date TEXT;

CREATE TABLE review_hour (
    learner_id     BIGINT  NOT NULL,
    deck_id        BIGINT  NOT NULL, -- 0: every deck
    hour           BIGINT  NOT NULL, -- reviewed_at / 3600000
    reviews        INTEGER NOT NULL,
    learning       INTEGER NOT NULL,
    review         INTEGER NOT NULL,
    relearning     INTEGER NOT NULL,
    young          INTEGER NOT NULL,
    young_passed   INTEGER NOT NULL,
    mature         INTEGER NOT NULL,
    mature_passed  INTEGER NOT NULL,
    duration_ms    BIGINT  NOT NULL,
    PRIMARY KEY (learner_id, deck_id, hour)
);

-- Adds (sign 1) or takes away (sign -1) every review of one card to or from one deck's rows (0: every deck), and
-- drops the rows left empty: a card deleted or moved to another deck.
CREATE FUNCTION review_hour_shift(p_card BIGINT, p_deck BIGINT, p_sign INTEGER) RETURNS void LANGUAGE sql AS $$
    INSERT INTO review_hour AS h
    SELECT r.learner_id, p_deck, r.reviewed_at / 3600000, p_sign * COUNT(*),
           p_sign * SUM((r.state_before IN (0, 1))::INTEGER), p_sign * SUM((r.state_before = 2)::INTEGER),
           p_sign * SUM((r.state_before = 3)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before < 21)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before < 21 AND r.rating >= 2)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before >= 21)::INTEGER),
           p_sign * SUM((r.state_before = 2 AND r.scheduled_days_before >= 21 AND r.rating >= 2)::INTEGER),
           p_sign * SUM(r.duration_ms)
    FROM review_log r WHERE r.card_id = p_card GROUP BY r.learner_id, r.reviewed_at / 3600000
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = h.reviews + excluded.reviews, learning = h.learning + excluded.learning,
        review = h.review + excluded.review, relearning = h.relearning + excluded.relearning,
        young = h.young + excluded.young, young_passed = h.young_passed + excluded.young_passed,
        mature = h.mature + excluded.mature, mature_passed = h.mature_passed + excluded.mature_passed,
        duration_ms = h.duration_ms + excluded.duration_ms;
    DELETE FROM review_hour WHERE deck_id = p_deck AND reviews <= 0
      AND learner_id IN (SELECT learner_id FROM review_log WHERE card_id = p_card);
$$;

CREATE FUNCTION review_hour_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO review_hour AS h
    SELECT NEW.learner_id, d.deck_id, NEW.reviewed_at / 3600000, 1,
           (NEW.state_before IN (0, 1))::INTEGER, (NEW.state_before = 2)::INTEGER, (NEW.state_before = 3)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before < 21)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before >= 21)::INTEGER,
           (NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2)::INTEGER,
           NEW.duration_ms
    FROM (SELECT c.deck_id FROM card c WHERE c.id = NEW.card_id UNION ALL SELECT 0) AS d
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = h.reviews + excluded.reviews, learning = h.learning + excluded.learning,
        review = h.review + excluded.review, relearning = h.relearning + excluded.relearning,
        young = h.young + excluded.young, young_passed = h.young_passed + excluded.young_passed,
        mature = h.mature + excluded.mature, mature_passed = h.mature_passed + excluded.mature_passed,
        duration_ms = h.duration_ms + excluded.duration_ms;
    RETURN NULL;
END $$;
CREATE TRIGGER review_hour_add AFTER INSERT ON review_log FOR EACH ROW EXECUTE FUNCTION review_hour_add();

-- Undo removes one review. When a card is deleted its reviews were already taken away (below) and the card is gone.
CREATE FUNCTION review_hour_remove() RETURNS trigger LANGUAGE plpgsql AS $$
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
        duration_ms = duration_ms - OLD.duration_ms
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000 AND deck_id IN (0, card_deck);
    DELETE FROM review_hour
    WHERE learner_id = OLD.learner_id AND hour = OLD.reviewed_at / 3600000 AND deck_id IN (0, card_deck)
      AND reviews <= 0;
    RETURN NULL;
END $$;
CREATE TRIGGER review_hour_remove AFTER DELETE ON review_log FOR EACH ROW EXECUTE FUNCTION review_hour_remove();

CREATE FUNCTION review_hour_card_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_hour_shift(OLD.id, OLD.deck_id, -1);
    PERFORM review_hour_shift(OLD.id, 0, -1);
    RETURN OLD;
END $$;
CREATE TRIGGER review_hour_card_deleted BEFORE DELETE ON card FOR EACH ROW EXECUTE FUNCTION review_hour_card_deleted();

CREATE FUNCTION review_hour_card_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM review_hour_shift(NEW.id, OLD.deck_id, -1);
    PERFORM review_hour_shift(NEW.id, NEW.deck_id, 1);
    RETURN NULL;
END $$;
CREATE TRIGGER review_hour_card_moved AFTER UPDATE OF deck_id ON card
    FOR EACH ROW WHEN (OLD.deck_id <> NEW.deck_id) EXECUTE FUNCTION review_hour_card_moved();

CREATE TABLE card_recall (
    learner_id     BIGINT           NOT NULL,
    deck_id        BIGINT           NOT NULL,
    card_id        BIGINT           NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    state          INTEGER          NOT NULL,
    suspended      INTEGER          NOT NULL,
    stability      DOUBLE PRECISION NOT NULL,
    difficulty     DOUBLE PRECISION NOT NULL,
    scheduled_days INTEGER          NOT NULL,
    last_review    BIGINT,
    due            BIGINT           NOT NULL,
    PRIMARY KEY (learner_id, deck_id, card_id)
);
CREATE INDEX card_recall_card ON card_recall (card_id, learner_id);

-- Rows are found by their whole key (the deck looked up), as SQLite's V8 triggers do.
CREATE FUNCTION card_recall_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO card_recall
    SELECT NEW.learner_id, c.deck_id, NEW.card_id, NEW.state, NEW.suspended, NEW.stability, NEW.difficulty,
           NEW.scheduled_days, NEW.last_review, NEW.due
    FROM card c WHERE c.id = NEW.card_id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_recall_add AFTER INSERT ON card_state FOR EACH ROW EXECUTE FUNCTION card_recall_add();

CREATE FUNCTION card_recall_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE card_recall SET state = NEW.state, suspended = NEW.suspended, stability = NEW.stability,
                           difficulty = NEW.difficulty, scheduled_days = NEW.scheduled_days,
                           last_review = NEW.last_review, due = NEW.due
    WHERE learner_id = NEW.learner_id AND deck_id = (SELECT deck_id FROM card WHERE id = NEW.card_id)
      AND card_id = NEW.card_id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_recall_change AFTER UPDATE ON card_state FOR EACH ROW EXECUTE FUNCTION card_recall_change();

CREATE FUNCTION card_recall_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM card_recall
    WHERE learner_id = OLD.learner_id AND deck_id = (SELECT deck_id FROM card WHERE id = OLD.card_id)
      AND card_id = OLD.card_id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_recall_remove AFTER DELETE ON card_state FOR EACH ROW EXECUTE FUNCTION card_recall_remove();

CREATE FUNCTION card_recall_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE card_recall SET deck_id = NEW.deck_id WHERE card_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_recall_moved AFTER UPDATE OF deck_id ON card
    FOR EACH ROW WHEN (OLD.deck_id <> NEW.deck_id) EXECUTE FUNCTION card_recall_moved();
