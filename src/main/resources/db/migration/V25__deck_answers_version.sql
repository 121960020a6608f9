-- The study page's automatic practice mode turns on for a deck whose median answer takes long to say, derived from
-- every answer of the deck: 5,000 answers read and measured on each study page of a big deck (issue 19). The app keeps
-- that decision per deck against this number, which changes in the same transaction as any card of the deck is added,
-- removed, moved or has its answer changed, whoever writes it (an edit, a bulk edit or its undo, a deck file, an Anki
-- import, another app instance): a decision kept for another number is never used.
ALTER TABLE deck ADD COLUMN answers_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER deck_answers_added AFTER INSERT ON card BEGIN
    UPDATE deck SET answers_version = answers_version + 1 WHERE id = NEW.deck_id;
END;

CREATE TRIGGER deck_answers_removed AFTER DELETE ON card BEGIN
    UPDATE deck SET answers_version = answers_version + 1 WHERE id = OLD.deck_id;
END;

CREATE TRIGGER deck_answers_changed AFTER UPDATE OF answer, deck_id ON card
    WHEN OLD.answer IS NOT NEW.answer OR OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE deck SET answers_version = answers_version + 1 WHERE id IN (OLD.deck_id, NEW.deck_id);
END;
