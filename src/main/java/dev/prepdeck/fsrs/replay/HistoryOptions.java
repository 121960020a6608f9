package dev.prepdeck.fsrs.replay;

import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.LearnerOption;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.fsrs.optimizer.CardHistory;
import dev.prepdeck.fsrs.optimizer.DayCut;
import dev.prepdeck.fsrs.optimizer.TrainingConfig;
import dev.prepdeck.optimize.OptimizeService;
import dev.prepdeck.optimize.ReviewHistory;
import dev.prepdeck.review.ReviewRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The review history the optimizer commands read, a review log CSV or a prepdeck database, and where its study
 * days are cut; shared by the optimizer commands.
 */
final class HistoryOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** One of the two places a history comes from. */
    static final class Source {
        @Option(names = "--revlog", required = true, paramLabel = "FILE",
                description = "review log CSV with a header naming card_id, review_rating (1-4), review_time "
                        + "(ISO-8601 with offset) and optionally review_duration (ms)")
        Path revlog;

        @Option(names = "--db", required = true, paramLabel = "FILE|URL",
                description = "a prepdeck database (a SQLite file, or a PostgreSQL URL as for the other commands):"
                        + " its review log, days cut in the learner's zone at the learner's rollover hour")
        String db;
    }

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "with a PostgreSQL --db: file whose first line is its password (instead of "
                    + DatabaseOption.PASSWORD_VARIABLE + ")")
    Path passwordFile;

    /** With --db: whose review log. */
    @Mixin
    LearnerOption learner;

    @Option(names = "--deck", paramLabel = "ID",
            description = "with --db: only this deck and its sub-decks (default: every deck)")
    Long deck;

    @Option(names = "--timezone", paramLabel = "ZONE",
            description = "time zone whose calendar days count, e.g. Europe/Berlin (default: UTC for --revlog, "
                    + "the learner's for --db)")
    String timezone;

    @Option(names = "--day-start-hour", paramLabel = "HOUR",
            description = "hour (0-23) at which a new study day starts in that zone, like fsrs-rs's "
                    + "next_day_starts_at and Anki's 'next day starts at' (default: 0 for --revlog, the learner's "
                    + "rollover hour for --db)")
    Integer dayStartHour;

    /**
     * The cards' histories, the day cut, and the training settings: fsrs-rs's defaults for a CSV, the decks'
     * relearning steps and short-term setting for a database. {@code scope} names the decks read (null for a CSV).
     */
    record History(String option, String file, String scope, List<CardHistory> cards, DayCut dayCut,
                   TrainingConfig training) {
    }

    History read() {
        if (source.revlog != null) {
            if (deck != null) {
                throw new IllegalArgumentException("--deck needs --db (a review log CSV has no decks)");
            }
            if (learner.user != null) {
                throw new IllegalArgumentException("--user needs --db (a review log CSV is one learner's)");
            }
            return new History("revlog", source.revlog.toString(), null, RevlogCsv.read(source.revlog),
                    dayCut(new DayCut(ZoneId.of("UTC"), 0)), TrainingConfig.DEFAULT);
        }
        DatabaseOption database = DatabaseOption.of(source.db, passwordFile);
        if (!database.isPostgres() && !Files.isRegularFile(database.file())) {
            throw new IllegalArgumentException(source.db + ": no such database file");
        }
        Jdbi jdbi = database.open(Migrations.BeforeUpgrade.NOTHING);
        ReviewHistory history = new OptimizeService(jdbi, new DeckRepository(), new ReviewRepository(), Clock.systemUTC())
                .history(learner.learnerId(jdbi), deck);
        return new History("db", database.toString(), history.scope().name(), history.histories(),
                dayCut(history.dayCut()), history.scope().trainingConfig());
    }

    /** The source's own day cut, with --timezone and --day-start-hour put over it when given. */
    private DayCut dayCut(DayCut own) {
        ZoneId zone = own.zone();
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--timezone: unknown time zone \"" + timezone + "\"");
            }
        }
        int hour = dayStartHour == null ? own.startHour() : dayStartHour;
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("--day-start-hour must be from 0 to 23, got " + hour);
        }
        return new DayCut(zone, hour);
    }
}
