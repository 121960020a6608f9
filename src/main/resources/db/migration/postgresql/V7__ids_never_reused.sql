-- PostgreSQL's V7: nothing to do. SQLite needed AUTOINCREMENT so a deleted deck's or card's id is never given again;
-- PostgreSQL's identity columns (V1) take ids from a sequence, which never goes back.
SELECT 1;
