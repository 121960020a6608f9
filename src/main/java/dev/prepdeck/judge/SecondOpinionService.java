package dev.prepdeck.judge;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The learner's optional second opinion on practice answers: where their judge runs (stored per learner) and asking
 * it. Asking happens outside any transaction: a slow judge must not hold the database.
 */
public final class SecondOpinionService {
    private final Jdbi jdbi;
    private final ChatCompletionsJudge judge;
    private final Clock clock;

    public SecondOpinionService(Jdbi jdbi, ChatCompletionsJudge judge, Clock clock) {
        this.jdbi = jdbi;
        this.judge = judge;
        this.clock = clock;
    }

    public Optional<JudgeSettings> settings(long learnerId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT url, model, timeout_seconds FROM answer_judge WHERE learner_id = :learner""")
                .bind("learner", learnerId)
                .map((rs, ctx) -> new JudgeSettings(java.net.URI.create(rs.getString("url")), rs.getString("model"),
                        rs.getInt("timeout_seconds")))
                .findOne());
    }

    public void save(long learnerId, JudgeSettings settings) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO answer_judge (learner_id, url, model, timeout_seconds, updated_at)
                        VALUES (:learner, :url, :model, :timeout, :now)
                        ON CONFLICT (learner_id) DO UPDATE SET url = excluded.url, model = excluded.model,
                            timeout_seconds = excluded.timeout_seconds, updated_at = excluded.updated_at""")
                .bind("learner", learnerId).bind("url", settings.url().toString()).bind("model", settings.model())
                .bind("timeout", settings.timeoutSeconds()).bind("now", clock.millis())
                .execute());
    }

    /** Turns the second opinion off: checks use the built-in judge alone again. */
    public void turnOff(long learnerId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM answer_judge WHERE learner_id = :learner")
                .bind("learner", learnerId).execute());
    }

    /** The judge's opinion when the learner has one configured; empty when they have not. */
    public Optional<SecondOpinion> ask(long learnerId, ChatCompletionsJudge.Question question) {
        return settings(learnerId).map(settings -> judge.judge(settings, question));
    }
}
