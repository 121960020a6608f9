-- PostgreSQL's spelling of V23 (see ../V23__new_cards_in_file_order.sql): card_recall keeps each card's position, and
-- the first new card of a deck in file order is one seek of a partial index.
ALTER TABLE card_recall ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE card_recall r SET position = c.position FROM card c WHERE c.id = r.card_id;

CREATE OR REPLACE FUNCTION card_recall_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO card_recall (learner_id, deck_id, card_id, state, suspended, stability, difficulty, scheduled_days,
                             last_review, due, position)
    SELECT NEW.learner_id, c.deck_id, NEW.card_id, NEW.state, NEW.suspended, NEW.stability, NEW.difficulty,
           NEW.scheduled_days, NEW.last_review, NEW.due, c.position
    FROM card c WHERE c.id = NEW.card_id;
    RETURN NULL;
END $$;

CREATE FUNCTION card_recall_reordered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE card_recall SET position = NEW.position WHERE card_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_recall_reordered AFTER UPDATE OF position ON card
    FOR EACH ROW WHEN (OLD.position <> NEW.position) EXECUTE FUNCTION card_recall_reordered();

CREATE INDEX card_recall_new ON card_recall (learner_id, deck_id, position, card_id) WHERE state = 0 AND suspended = 0;
