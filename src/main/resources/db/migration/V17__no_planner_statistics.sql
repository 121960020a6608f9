-- Query planner statistics that earlier versions gathered at every start (PRAGMA optimize) go: taken while a
-- collection was new, they said the full-text index's _data tables held 2 rows, and FTS5 then deleted merged segments
-- by reading the whole table instead of seeking a range of ids (imports and bulk edits slowed quadratically). Every
-- query's plan is right without statistics and pinned by tests; Database.open no longer gathers them.
DROP TABLE IF EXISTS sqlite_stat1;
DROP TABLE IF EXISTS sqlite_stat4;
