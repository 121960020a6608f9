-- New cards are studied by deck name, then in file order (card.position). card_recall keeps each card's position too,
-- and an index holds each deck's studyable new cards in that order, so the first new card of a deck is one seek
-- instead of every new card of the decks studied read, joined to its card and sorted (5,000 per deck in the load
-- harness's collection; issue 19). Kept by the trigger that adds the row and by one on the card's position.
ALTER TABLE card_recall ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE card_recall SET position = (SELECT c.position FROM card c WHERE c.id = card_recall.card_id);

DROP TRIGGER card_recall_add;
CREATE TRIGGER card_recall_add AFTER INSERT ON card_state BEGIN
    INSERT INTO card_recall (learner_id, deck_id, card_id, state, suspended, stability, difficulty, scheduled_days,
                             last_review, due, position)
    SELECT NEW.learner_id, c.deck_id, NEW.card_id, NEW.state, NEW.suspended, NEW.stability, NEW.difficulty,
           NEW.scheduled_days, NEW.last_review, NEW.due, c.position
    FROM card c WHERE c.id = NEW.card_id;
END;

-- An import that reorders a deck file moves its cards.
CREATE TRIGGER card_recall_reordered AFTER UPDATE OF position ON card WHEN OLD.position <> NEW.position BEGIN
    UPDATE card_recall SET position = NEW.position WHERE card_id = NEW.id;
END;

-- Only cards a learner could be shown as new: the index stays as small as the new cards, and a rating leaves it once.
CREATE INDEX card_recall_new ON card_recall (learner_id, deck_id, position, card_id) WHERE state = 0 AND suspended = 0;
