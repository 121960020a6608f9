-- An Anki import of 1,000,000 reviews spent most of its review inserts in this trigger: two upserts of review_hour per
-- review (5.6 s for 200,000 inserted reviews with it, 1.5 s without, sqlite3 on the load harness's collection). So
-- an import holds it back while it inserts a page of reviews and adds the page's reviews to review_hour itself, one
-- statement per roll-up (AnkiSyncRepository.insertReviews), in the same transaction. Every other insert (a rating)
-- still counts through the trigger.

-- A row here holds the trigger back. The importer adds it and removes it again inside its own write transaction, so
-- no other connection ever sees it, and a rolled-back import takes it along.
CREATE TABLE review_hour_held (
    held INTEGER PRIMARY KEY CHECK (held = 1)
);

DROP TRIGGER review_hour_add;
CREATE TRIGGER review_hour_add AFTER INSERT ON review_log WHEN NOT EXISTS (SELECT 1 FROM review_hour_held) BEGIN
    INSERT INTO review_hour
    SELECT NEW.learner_id, c.deck_id, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms
    FROM card c WHERE c.id = NEW.card_id
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
    INSERT INTO review_hour
    SELECT NEW.learner_id, 0, NEW.reviewed_at / 3600000, 1,
           NEW.state_before IN (0, 1), NEW.state_before = 2, NEW.state_before = 3,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before < 21 AND NEW.rating >= 2,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21,
           NEW.state_before = 2 AND NEW.scheduled_days_before >= 21 AND NEW.rating >= 2,
           NEW.duration_ms
    WHERE true
    ON CONFLICT (learner_id, deck_id, hour) DO UPDATE SET
        reviews = reviews + excluded.reviews, learning = learning + excluded.learning,
        review = review + excluded.review, relearning = relearning + excluded.relearning,
        young = young + excluded.young, young_passed = young_passed + excluded.young_passed,
        mature = mature + excluded.mature, mature_passed = mature_passed + excluded.mature_passed,
        duration_ms = duration_ms + excluded.duration_ms;
END;
