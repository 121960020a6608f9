-- PostgreSQL's spelling of V11: BIGINT ids and times.

CREATE TABLE answer_judge (
    learner_id      BIGINT  PRIMARY KEY REFERENCES learner (id) ON DELETE CASCADE,
    url             TEXT    NOT NULL,
    model           TEXT    NOT NULL,
    timeout_seconds INTEGER NOT NULL CHECK (timeout_seconds BETWEEN 1 AND 120),
    updated_at      BIGINT  NOT NULL
);
