-- The sign-in throttle's failure counts (issue 18): in the database, so several app instances behind one load
-- balancer count a guesser's tries together instead of each giving the free ones again. One row per subject:
-- 'name:<lower-cased name>' or 'address:<client address>'.
CREATE TABLE login_failure (
    subject    TEXT    PRIMARY KEY,
    failures   INTEGER NOT NULL,
    last_at    INTEGER NOT NULL,
    wait_until INTEGER NOT NULL
) WITHOUT ROWID;

-- Counts not added to for a day are forgotten; this finds them.
CREATE INDEX login_failure_last_at ON login_failure (last_at);
