-- PostgreSQL's spelling of V6 (see ../V6__search.sql). Where SQLite keeps FTS5 indexes (trigrams, and CJK
-- characters and pairs), PostgreSQL keeps pg_trgm GIN indexes on the folded text: they answer LIKE '%text%' for 3 or
-- more characters of any script (Chinese included under a UTF-8 ctype, which counts CJK characters as word
-- characters); shorter searches read card_text. The folding (db/TextFold) is written again in SQL, since triggers
-- cannot call the application: NFKD, combining diacritics (U+0300-U+036F) removed, lower case, NFC, runs of white
-- space as one space.

ALTER TABLE card_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 4);
ALTER TABLE card_state ADD COLUMN buried_until BIGINT;

-- A trusted extension since PostgreSQL 13: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE FUNCTION search_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(lower(normalize(regexp_replace(normalize(t, NFKD), '[\u0300-\u036f]', '', 'g'), NFC)),
                          '\s+', ' ', 'g')
$$;

-- Each tag of a comma-separated list (ASCII or full-width comma), folded, without blanks or repeats.
CREATE FUNCTION search_tags(tags TEXT) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT DISTINCT tag
    FROM (SELECT btrim(search_fold(part)) AS tag
          FROM regexp_split_to_table(COALESCE(tags, ''), '[,，]') AS part) AS folded
    WHERE tag <> ''
$$;

CREATE TABLE card_text (
    card_id  BIGINT PRIMARY KEY,
    question TEXT   NOT NULL,
    answer   TEXT   NOT NULL
);
CREATE INDEX card_text_question ON card_text USING gin (question gin_trgm_ops);
CREATE INDEX card_text_answer ON card_text USING gin (answer gin_trgm_ops);

CREATE TABLE card_tag (
    card_id BIGINT NOT NULL,
    tag     TEXT   NOT NULL,
    PRIMARY KEY (card_id, tag)
);
CREATE INDEX card_tag_tag ON card_tag (tag, card_id);

CREATE INDEX card_created ON card (created_at);
CREATE INDEX card_updated ON card (updated_at);

INSERT INTO card_text (card_id, question, answer)
SELECT id, search_fold(question), search_fold(answer) FROM card;
INSERT INTO card_tag (card_id, tag)
SELECT c.id, t.tag FROM card c CROSS JOIN LATERAL search_tags(c.tags) AS t (tag);

CREATE FUNCTION card_text_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO card_text (card_id, question, answer)
    VALUES (NEW.id, search_fold(NEW.question), search_fold(NEW.answer));
    INSERT INTO card_tag (card_id, tag) SELECT NEW.id, t.tag FROM search_tags(NEW.tags) AS t (tag);
    RETURN NULL;
END $$;
CREATE TRIGGER card_text_add AFTER INSERT ON card FOR EACH ROW EXECUTE FUNCTION card_text_add();

CREATE FUNCTION card_text_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE card_text SET question = search_fold(NEW.question), answer = search_fold(NEW.answer)
    WHERE card_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_text_change AFTER UPDATE OF question, answer ON card
    FOR EACH ROW WHEN (OLD.question IS DISTINCT FROM NEW.question OR OLD.answer IS DISTINCT FROM NEW.answer)
    EXECUTE FUNCTION card_text_change();

CREATE FUNCTION card_tag_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM card_tag WHERE card_id = NEW.id;
    INSERT INTO card_tag (card_id, tag) SELECT NEW.id, t.tag FROM search_tags(NEW.tags) AS t (tag);
    RETURN NULL;
END $$;
CREATE TRIGGER card_tag_change AFTER UPDATE OF tags ON card
    FOR EACH ROW WHEN (OLD.tags IS DISTINCT FROM NEW.tags) EXECUTE FUNCTION card_tag_change();

CREATE FUNCTION card_text_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM card_text WHERE card_id = OLD.id;
    DELETE FROM card_tag WHERE card_id = OLD.id;
    RETURN NULL;
END $$;
CREATE TRIGGER card_text_remove AFTER DELETE ON card FOR EACH ROW EXECUTE FUNCTION card_text_remove();
