-- PostgreSQL's spelling of V16 (owner_id BIGINT, as learner ids are). Private decks (issue 17): a deck made in the
-- app belongs to the learner who made it, who may keep it to themselves.
-- Decks read from files in decks/ have no owner and are shared. A private deck's cards are hidden from every other
-- learner: shared decks are every deck that is not private.

ALTER TABLE deck ADD COLUMN owner_id BIGINT REFERENCES learner (id);
ALTER TABLE deck ADD COLUMN private  INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));

-- The decks made so far in the app were the local learner's (learner 1, whom the first account takes over), unless
-- other accounts already existed, when nobody can tell whose they were: those stay shared, without an owner.
UPDATE deck SET owner_id = 1
WHERE source_path IS NULL AND NOT EXISTS (SELECT 1 FROM account WHERE learner_id <> 1);

CREATE INDEX deck_private ON deck (private) WHERE private = 1;
