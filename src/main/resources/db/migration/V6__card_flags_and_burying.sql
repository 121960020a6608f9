-- Anki's per-card flag and burying, which an Anki import carries over. The same two columns as the search
-- branch's migration (flags 1 red, 2 orange, 3 green, 4 blue), so merging keeps one of the two.

-- Anki keeps flags and burying per card; prepdeck keeps scheduling per learner, so they are per learner too.
ALTER TABLE card_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 4); -- 0: no flag
ALTER TABLE card_state ADD COLUMN buried_until INTEGER; -- epoch ms the card stays out of study until; NULL: not buried
