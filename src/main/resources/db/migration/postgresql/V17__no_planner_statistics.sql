-- SQLite only: there, V17 drops the planner statistics earlier versions gathered at every start. PostgreSQL's
-- statistics are its autovacuum daemon's and stay; this version exists so both ladders count the same.
SELECT 1;
