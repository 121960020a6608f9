-- Importing 100,000 cards took minutes once the search triggers (V6) indexed each new card on its own: about
-- 6.5 ms a card, against well under 1 ms for everything else an import writes; indexing a whole file's new cards in
-- one statement per table costs about 0.1 ms a card. So an import now inserts its new cards with the insert
-- trigger held back and indexes them itself before it commits (DeckRepository.insertCards), keeping the index in
-- step with the cards in the same transaction. Every other insert is still indexed by the trigger.

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
