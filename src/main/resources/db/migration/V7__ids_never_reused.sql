-- Deck and card ids are never used twice. Without AUTOINCREMENT SQLite gives a new row the largest id plus one, so
-- after deleting the newest deck, the next deck created or imported got its id, and old links and bookmarks opened a
-- different deck (and card). AUTOINCREMENT can only be declared by CREATE TABLE, so both tables are rebuilt: created
-- anew, filled with every row as it was, swapped in by name, and their indexes and triggers created again.
-- The migration runner turns foreign keys off around this script (dropping the old tables must not cascade into
-- card_state, review_log or practice_attempt) and checks every reference before it commits.

-- Rows are copied column by column: a column another upgrade added before this one would be lost, so the upgrade
-- stops here (nothing is written) unless the tables have exactly the columns copied below.
CREATE TEMP TABLE rebuilt_columns (
    deck_columns INTEGER CONSTRAINT deck_has_the_columns_this_upgrade_copies CHECK (deck_columns = 18),
    card_columns INTEGER CONSTRAINT card_has_the_columns_this_upgrade_copies CHECK (card_columns = 11)
);
INSERT INTO rebuilt_columns
VALUES ((SELECT COUNT(*) FROM pragma_table_info('deck')), (SELECT COUNT(*) FROM pragma_table_info('card')));
DROP TABLE rebuilt_columns;

CREATE TABLE deck_rebuilt (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    name                    TEXT    NOT NULL UNIQUE,
    description             TEXT    NOT NULL DEFAULT '',
    tags                    TEXT    NOT NULL DEFAULT '',  -- comma-separated
    source_path             TEXT    UNIQUE,               -- deck file (relative to the decks folder) it was imported from
    source_hash             TEXT,                         -- SHA-256 of that file at its last import
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    new_per_day             INTEGER NOT NULL DEFAULT 20  CHECK (new_per_day BETWEEN 0 AND 9999),
    reviews_per_day         INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day BETWEEN 0 AND 99999),
    desired_retention       REAL,
    maximum_interval        INTEGER,
    learning_steps          TEXT,    -- e.g. "1m 10m"
    relearning_steps        TEXT,    -- e.g. "10m"
    weights                 TEXT,    -- 21 numbers separated by commas
    practice_mode           INTEGER CHECK (practice_mode IN (0, 1)), -- NULL: on when answers are long
    practice_target_seconds INTEGER CHECK (practice_target_seconds BETWEEN 5 AND 3600),
    interview_date          TEXT     -- ISO date (yyyy-mm-dd) the user prepares for; NULL: none
);
INSERT INTO deck_rebuilt (id, name, description, tags, source_path, source_hash, created_at, updated_at, new_per_day,
                          reviews_per_day, desired_retention, maximum_interval, learning_steps, relearning_steps, weights,
                          practice_mode, practice_target_seconds, interview_date)
SELECT id, name, description, tags, source_path, source_hash, created_at, updated_at, new_per_day,
       reviews_per_day, desired_retention, maximum_interval, learning_steps, relearning_steps, weights,
       practice_mode, practice_target_seconds, interview_date
FROM deck;

CREATE TABLE card_rebuilt (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id             INTEGER NOT NULL REFERENCES deck (id) ON DELETE CASCADE,
    uid                 TEXT    NOT NULL,      -- stable id written to deck files as <!-- id: ... -->
    question            TEXT    NOT NULL CHECK (length(trim(question)) > 0),
    answer              TEXT    NOT NULL,
    tags                TEXT    NOT NULL DEFAULT '',
    meta                TEXT    NOT NULL DEFAULT '', -- other per-card metadata, one "key: value" per line
    position            INTEGER NOT NULL,
    removed_from_source INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL,
    UNIQUE (deck_id, uid)
);
INSERT INTO card_rebuilt (id, deck_id, uid, question, answer, tags, meta, position, removed_from_source, created_at,
                          updated_at)
SELECT id, deck_id, uid, question, answer, tags, meta, position, removed_from_source, created_at, updated_at
FROM card;

-- Renamed the way SQLite did before 3.26: the triggers on card_state and review_log that read "card" by name are
-- left as they are and read the rebuilt table once it has that name.
PRAGMA legacy_alter_table = ON;
DROP TABLE card;
DROP TABLE deck;
ALTER TABLE deck_rebuilt RENAME TO deck;
ALTER TABLE card_rebuilt RENAME TO card;
PRAGMA legacy_alter_table = OFF;
-- sqlite_sequence, renamed with the tables, now holds each one's highest id so far.

-- What dropping the tables dropped with them, as V2, V4 and V6 created it.
CREATE INDEX card_deck ON card (deck_id, position);

CREATE TRIGGER review_hour_card_deleted BEFORE DELETE ON card BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms
          FROM review_log WHERE card_id = OLD.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour
      AND review_hour.deck_id IN (0, OLD.deck_id);
END;

CREATE TRIGGER review_hour_card_moved AFTER UPDATE OF deck_id ON card WHEN OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE review_hour SET
        reviews = review_hour.reviews - agg.reviews, learning = review_hour.learning - agg.learning,
        review = review_hour.review - agg.review, relearning = review_hour.relearning - agg.relearning,
        young = review_hour.young - agg.young, young_passed = review_hour.young_passed - agg.young_passed,
        mature = review_hour.mature - agg.mature, mature_passed = review_hour.mature_passed - agg.mature_passed,
        duration_ms = review_hour.duration_ms - agg.duration_ms
    FROM (SELECT learner_id, reviewed_at / 3600000 AS hour, COUNT(*) AS reviews,
                 SUM(state_before IN (0, 1)) AS learning, SUM(state_before = 2) AS review, SUM(state_before = 3) AS relearning,
                 SUM(state_before = 2 AND scheduled_days_before < 21) AS young,
                 SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2) AS young_passed,
                 SUM(state_before = 2 AND scheduled_days_before >= 21) AS mature,
                 SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2) AS mature_passed,
                 SUM(duration_ms) AS duration_ms
          FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000) AS agg
    WHERE review_hour.learner_id = agg.learner_id AND review_hour.hour = agg.hour AND review_hour.deck_id = OLD.deck_id;
    INSERT INTO review_hour
    SELECT learner_id, NEW.deck_id, reviewed_at / 3600000, COUNT(*),
           SUM(state_before IN (0, 1)), SUM(state_before = 2), SUM(state_before = 3),
           SUM(state_before = 2 AND scheduled_days_before < 21),
           SUM(state_before = 2 AND scheduled_days_before < 21 AND rating >= 2),
           SUM(state_before = 2 AND scheduled_days_before >= 21),
           SUM(state_before = 2 AND scheduled_days_before >= 21 AND rating >= 2),
           SUM(duration_ms)
    FROM review_log WHERE card_id = NEW.id GROUP BY learner_id, reviewed_at / 3600000
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
END;

CREATE TRIGGER card_recall_moved AFTER UPDATE OF deck_id ON card WHEN OLD.deck_id <> NEW.deck_id BEGIN
    UPDATE card_recall SET deck_id = NEW.deck_id WHERE card_id = NEW.id;
END;

CREATE INDEX card_created ON card (created_at);
CREATE INDEX card_updated ON card (updated_at);

CREATE TRIGGER card_text_add AFTER INSERT ON card BEGIN
    INSERT INTO card_text (card_id, question, answer)
    VALUES (NEW.id, search_fold(NEW.question), search_fold(NEW.answer));
    INSERT INTO card_text_index (rowid, question, answer)
    SELECT card_id, question, answer FROM card_text WHERE card_id = NEW.id;
    INSERT INTO card_text_cjk (rowid, question, answer)
    SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text WHERE card_id = NEW.id;
    INSERT INTO card_tag (card_id, tag)
    SELECT NEW.id, value FROM json_each(search_tags(NEW.tags));
END;

-- Imports rewrite every card of a changed deck file; only cards whose text changed are indexed again.
CREATE TRIGGER card_text_change AFTER UPDATE OF question, answer ON card
WHEN OLD.question IS NOT NEW.question OR OLD.answer IS NOT NEW.answer BEGIN
    UPDATE card_text SET question = search_fold(NEW.question), answer = search_fold(NEW.answer)
    WHERE card_id = NEW.id;
    DELETE FROM card_text_index WHERE rowid = NEW.id;
    INSERT INTO card_text_index (rowid, question, answer)
    SELECT card_id, question, answer FROM card_text WHERE card_id = NEW.id;
    DELETE FROM card_text_cjk WHERE rowid = NEW.id;
    INSERT INTO card_text_cjk (rowid, question, answer)
    SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text WHERE card_id = NEW.id;
END;

CREATE TRIGGER card_tag_change AFTER UPDATE OF tags ON card WHEN OLD.tags IS NOT NEW.tags BEGIN
    DELETE FROM card_tag WHERE card_id = NEW.id;
    INSERT INTO card_tag (card_id, tag)
    SELECT NEW.id, value FROM json_each(search_tags(NEW.tags));
END;

CREATE TRIGGER card_text_remove AFTER DELETE ON card BEGIN
    DELETE FROM card_text_index WHERE rowid = OLD.id;
    DELETE FROM card_text_cjk WHERE rowid = OLD.id;
    DELETE FROM card_text WHERE card_id = OLD.id;
    DELETE FROM card_tag WHERE card_id = OLD.id;
END;
