-- FTS5 holds a transaction's new index entries in memory and writes them out as a new segment whenever they pass
-- its hash size (1 MB by default), so a 5,000-card deck file's trigrams went out in 1 MB segments that automerge
-- then read and wrote again. With 16 MB they go out in pieces 16 times larger: filling the trigram index with
-- 100,000 cards, 5,000 to a transaction, took 5.2 s of CPU instead of 7.6 s. Edits of a few cards never reach
-- either limit, so they write as before; the memory is held only while a transaction writes the index.
INSERT INTO card_text_index (card_text_index, rank) VALUES ('hashsize', 16777216);
INSERT INTO card_text_cjk (card_text_cjk, rank) VALUES ('hashsize', 16777216);
