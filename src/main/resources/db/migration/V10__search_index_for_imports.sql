-- Importing 100,000 cards took well over ten minutes once the search triggers (V6) indexed each new card on its
-- own (likely FTS5 writing its pending terms out at every statement, so once per card of a batch): 7.6 ms of CPU a
-- card.
-- So an import now inserts a file's new cards with the insert trigger held back and indexes them itself, one
-- statement per search table, before it commits (DeckRepository.insertCards): 0.47 ms a card for the whole import,
-- with the index in step with the cards in the same transaction. Every other insert is still indexed by the trigger.

-- A row here holds the insert trigger back. The importer adds it and removes it again inside its own write
-- transaction, so no other connection ever sees it, and a rolled-back import takes it along.
CREATE TABLE search_index_held (
    held INTEGER PRIMARY KEY CHECK (held = 1)
);

DROP TRIGGER card_text_add;
CREATE TRIGGER card_text_add AFTER INSERT ON card WHEN NOT EXISTS (SELECT 1 FROM search_index_held) BEGIN
    INSERT INTO card_text (card_id, question, answer)
    VALUES (NEW.id, search_fold(NEW.question), search_fold(NEW.answer));
    INSERT INTO card_text_index (rowid, question, answer)
    SELECT card_id, question, answer FROM card_text WHERE card_id = NEW.id;
    INSERT INTO card_text_cjk (rowid, question, answer)
    SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text WHERE card_id = NEW.id;
    INSERT INTO card_tag (card_id, tag)
    SELECT NEW.id, value FROM json_each(search_tags(NEW.tags));
END;
