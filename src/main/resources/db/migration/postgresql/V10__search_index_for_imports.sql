-- PostgreSQL's V10: nothing to do. SQLite's FTS5 wrote its pending terms once per inserted card, so imports hold the
-- insert trigger back and index a file's cards in one statement; PostgreSQL's trigger (V6) indexes each card at
-- the cost of an ordinary row insert, and imports leave it to the trigger (DeckRepository.insertCards).
SELECT 1;
