-- Buried cards are few and short-lived; the study counts subtract them on every page, so they are found through
-- an index of the buried ones alone rather than by reading every card's state.
CREATE INDEX card_state_buried ON card_state (learner_id, buried_until) WHERE buried_until IS NOT NULL;
