package dev.prepdeck.settings;

import dev.prepdeck.error.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/** SQL for a learner's settings, kept in their row of the learner table; every method runs on the caller's handle. */
public final class SettingsRepository {
    private static final String COLUMNS = """
            language, time_zone, rollover_hour, new_per_day, reviews_per_day, desired_retention, learning_steps,
            practice_target_seconds, practice_mode, theme""";

    /**
     * The settings columns of the learner row a query names {@code alias}, for a query that reads them together with
     * other things (the accounts filter reads them with the session, one query per request); {@link #fromRow} maps them.
     */
    public static String columnsOf(String alias) {
        return Arrays.stream(COLUMNS.split(",")).map(c -> alias + "." + c.strip()).collect(Collectors.joining(", "));
    }

    /** The settings in a row holding the columns {@link #columnsOf} lists. */
    public static Settings fromRow(ResultSet rs) throws SQLException {
        return settings(rs);
    }

    public Settings read(Handle h, long learnerId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learner WHERE id = :id")
                .bind("id", learnerId)
                .map((rs, ctx) -> settings(rs))
                .findOne()
                .orElseThrow(() -> new NotFoundException("learner", learnerId));
    }

    /**
     * What a new deck starts with. Decks belong to the whole collection, not to one learner, so they take the
     * defaults of the learner the collection was made for: the first one.
     */
    public Settings newDeckDefaults(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM learner ORDER BY id LIMIT 1")
                .map((rs, ctx) -> settings(rs))
                .findOne()
                .orElse(Settings.DEFAULTS);
    }

    public void write(Handle h, long learnerId, Settings s) {
        h.createUpdate("""
                        UPDATE learner SET language = :language, time_zone = :timeZone, rollover_hour = :rolloverHour,
                               new_per_day = :newPerDay, reviews_per_day = :reviewsPerDay,
                               desired_retention = :retention, learning_steps = :learningSteps,
                               practice_target_seconds = :target, practice_mode = :practiceMode, theme = :theme
                        WHERE id = :id""")
                .bind("language", s.language().locale().isPresent() ? s.language().code() : null)
                .bind("timeZone", s.timeZone() == null ? null : s.timeZone().getId())
                .bind("rolloverHour", s.rolloverHour())
                .bind("newPerDay", s.newCardsPerDay())
                .bind("reviewsPerDay", s.reviewsPerDay())
                .bind("retention", s.desiredRetention())
                .bind("learningSteps", s.learningSteps())
                .bind("target", s.practiceTargetSeconds())
                .bind("practiceMode", s.answerBox().practiceMode())
                .bind("theme", s.theme().code())
                .bind("id", learnerId)
                .execute();
    }

    private static Settings settings(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        double retention = rs.getDouble("desired_retention");
        Double desiredRetention = rs.wasNull() ? null : retention;
        int target = rs.getInt("practice_target_seconds");
        Integer targetSeconds = rs.wasNull() ? null : target;
        int mode = rs.getInt("practice_mode");
        Boolean practiceMode = rs.wasNull() ? null : mode == 1;
        return new Settings(
                language == null ? Settings.LanguageChoice.BROWSER
                        : Settings.byCode(Settings.LanguageChoice.class, language).orElse(Settings.LanguageChoice.BROWSER),
                zone(rs.getString("time_zone")),
                rs.getInt("rollover_hour"),
                rs.getInt("new_per_day"),
                rs.getInt("reviews_per_day"),
                desiredRetention,
                rs.getString("learning_steps"),
                targetSeconds,
                Settings.AnswerBox.of(practiceMode),
                Settings.byCode(Settings.Theme.class, rs.getString("theme")).orElse(Settings.Theme.SYSTEM));
    }

    /**
     * A zone this Java no longer knows (the tz database renames one now and then) is read as "not chosen", so the
     * learner's pages still open and the settings page offers a valid choice.
     */
    private static ZoneId zone(String id) {
        if (id == null) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
