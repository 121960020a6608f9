-- The learner's own answer judge for practice checks (an OpenAI-compatible server they run or chose): one row per
-- learner who turned it on; no row means the built-in checker alone.

CREATE TABLE answer_judge (
    learner_id      INTEGER PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
    url             TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    timeout_seconds INTEGER NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 120),
    updated_at      INTEGER NOT NULL
);
