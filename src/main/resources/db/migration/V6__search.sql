-- Search: per-learner flags and burying, and every card's text and tags in the folded spelling searches use
-- (lower case, no accents, NFKC, single spaces: see db/TextFold), kept by triggers in the same transaction as the
-- card write. search_fold(), search_cjk() and search_tags() are application functions every prepdeck connection
-- registers.

-- Anki keeps flags and burying per card; prepdeck keeps scheduling per learner, so they are per learner too.
ALTER TABLE card_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0 CHECK (flag BETWEEN 0 AND 4); -- 0: no flag
ALTER TABLE card_state ADD COLUMN buried_until INTEGER; -- epoch ms the card stays out of study until; NULL: not buried

-- The folded question and answer: what short (1-2 character) and wildcard searches scan and check.
CREATE TABLE card_text (
    card_id  INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    answer   TEXT NOT NULL
);

-- Trigram index of the folded text: any substring of 3 or more characters, Chinese included (no word breaks
-- needed). Contentless, as card_text holds the text; rowid is the card id.
CREATE VIRTUAL TABLE card_text_index USING fts5 (
    question, answer,
    tokenize = 'trigram case_sensitive 1', content = '', contentless_delete = 1
);

-- The index trigrams cannot be: every CJK character and pair of adjacent ones as a word ("数据库" is indexed as
-- 数 据 库 数据 据库), so 1 and 2 character Chinese, Japanese and Korean searches (most Chinese words are two
-- characters) find their cards without reading every card. Presence per column is all it needs to store.
CREATE VIRTUAL TABLE card_text_cjk USING fts5 (
    question, answer,
    tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = column
);

-- One row per folded tag; tag:a::b is answered from (tag) without reading every card's tag list.
CREATE TABLE card_tag (
    card_id INTEGER NOT NULL,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (card_id, tag)
) WITHOUT ROWID;
CREATE INDEX card_tag_tag ON card_tag (tag, card_id);

-- added:7 and edited:7 read these for card ids, and sorting by added or edited date follows them to a first page.
CREATE INDEX card_created ON card (created_at);
CREATE INDEX card_updated ON card (updated_at);

INSERT INTO card_text (card_id, question, answer)
SELECT id, search_fold(question), search_fold(answer) FROM card;
INSERT INTO card_text_index (rowid, question, answer)
SELECT card_id, question, answer FROM card_text;
INSERT INTO card_text_cjk (rowid, question, answer)
SELECT card_id, search_cjk(question), search_cjk(answer) FROM card_text;
INSERT INTO card_tag (card_id, tag)
SELECT c.id, t.value FROM card c, json_each(search_tags(c.tags)) t;

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
