-- The study queue counts what each deck studied today for its daily limits. Reviews come from the review_hour
-- roll-up; new cards studied are not in it, so their reviews get an index of their own: a day has at most the
-- decks' new-card limits of them, where reading every review of the day grew with each rating (issue 19).
-- The same on PostgreSQL.
CREATE INDEX review_log_new_cards ON review_log (learner_id, reviewed_at) WHERE state_before = 0;
