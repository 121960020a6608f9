-- PostgreSQL's spelling of V15: DOUBLE PRECISION for REAL.

ALTER TABLE learner ADD COLUMN language                TEXT    CHECK (language IN ('en', 'zh-CN'));
ALTER TABLE learner ADD COLUMN theme                   TEXT    NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark'));
ALTER TABLE learner ADD COLUMN new_per_day             INTEGER NOT NULL DEFAULT 20  CHECK (new_per_day BETWEEN 0 AND 9999);
ALTER TABLE learner ADD COLUMN reviews_per_day         INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day BETWEEN 0 AND 99999);
ALTER TABLE learner ADD COLUMN desired_retention       DOUBLE PRECISION CHECK (desired_retention BETWEEN 0.70 AND 0.99);
ALTER TABLE learner ADD COLUMN learning_steps          TEXT;
ALTER TABLE learner ADD COLUMN practice_mode           INTEGER CHECK (practice_mode IN (0, 1));
ALTER TABLE learner ADD COLUMN practice_target_seconds INTEGER CHECK (practice_target_seconds BETWEEN 5 AND 3600);
