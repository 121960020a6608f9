-- PostgreSQL's spelling of V25 (see ../V25__deck_answers_version.sql): a number per deck that changes with any card
-- of the deck added, removed, moved or given another answer, in the same transaction.
ALTER TABLE deck ADD COLUMN answers_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION deck_answers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE deck SET answers_version = answers_version + 1 WHERE id = NEW.deck_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE deck SET answers_version = answers_version + 1 WHERE id = OLD.deck_id;
    ELSIF OLD.answer IS DISTINCT FROM NEW.answer OR OLD.deck_id <> NEW.deck_id THEN
        UPDATE deck SET answers_version = answers_version + 1 WHERE id IN (OLD.deck_id, NEW.deck_id);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER deck_answers_changed AFTER INSERT OR DELETE OR UPDATE OF answer, deck_id ON card
    FOR EACH ROW EXECUTE FUNCTION deck_answers_changed();
