-- Spoken practice answers: the browser's recording of an answer, kept with the attempt it went with (deleted with
-- it, so undoing a rating removes the recording too). A recording is uploaded before the attempt exists, so
-- attempt_id stays NULL until the answer is rated or handed in; unattached ones are cleared after a day.

CREATE TABLE practice_recording (
    id          INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: an old link must not play another answer
    learner_id  INTEGER NOT NULL REFERENCES learner (id) ON DELETE CASCADE,
    card_id     INTEGER NOT NULL REFERENCES card (id) ON DELETE CASCADE,
    attempt_id  INTEGER UNIQUE REFERENCES practice_attempt (id) ON DELETE CASCADE,
    recorded_at INTEGER NOT NULL,
    media_type  TEXT    NOT NULL,
    audio       BLOB    NOT NULL
);

CREATE INDEX practice_recording_unattached ON practice_recording (recorded_at) WHERE attempt_id IS NULL;
