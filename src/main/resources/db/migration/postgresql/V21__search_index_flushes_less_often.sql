-- SQLite only: there, V21 lets the full-text indexes hold more new entries in memory before writing them out.
-- PostgreSQL's trigram indexes are GIN indexes with their own pending list; this version exists so both ladders
-- count the same.
SELECT 1;
