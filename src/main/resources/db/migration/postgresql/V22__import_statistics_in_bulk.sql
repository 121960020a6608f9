-- PostgreSQL's V22: nothing to do. SQLite's per-review statistics trigger was most of an Anki import's review
-- inserts, so imports hold it back there and add a page's reviews to review_hour in one statement; on PostgreSQL the
-- trigger (V4) counts each review and imports leave it to the trigger (AnkiSyncRepository.insertReviews).
SELECT 1;
