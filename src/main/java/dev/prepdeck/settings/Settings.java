package dev.prepdeck.settings;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a learner chose: the interface's language and theme, where their study day begins and ends, and what a deck
 * created from now on starts with. A null optional value means "not chosen": {@code timeZone} this machine's zone,
 * {@code desiredRetention} and {@code learningSteps} the FSRS defaults, {@code practiceTargetSeconds} each card's own
 * target (derived from the answer's length).
 */
public record Settings(
        LanguageChoice language,
        ZoneId timeZone,
        int rolloverHour,
        int newCardsPerDay,
        int reviewsPerDay,
        Double desiredRetention,
        String learningSteps,
        Integer practiceTargetSeconds,
        AnswerBox answerBox,
        Theme theme) {

    /** What a learner who never opened the settings page has: the values the schema gives a new learner. */
    public static final Settings DEFAULTS = new Settings(LanguageChoice.BROWSER, null, 4, 20, 200, null, null, null,
            AnswerBox.AUTO, Theme.SYSTEM);

    /** The zone the learner's days are counted in: the chosen one, else this machine's. */
    public ZoneId zone() {
        return timeZone == null ? ZoneId.systemDefault() : timeZone;
    }

    /** A setting whose values are a few words, written the same in the form, the API and the database. */
    public interface Choice {
        String code();
    }

    static <T extends Enum<T> & Choice> Optional<T> byCode(Class<T> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
    }

    /** The interface's language; BROWSER follows the browser's Accept-Language. */
    public enum LanguageChoice implements Choice {
        BROWSER("browser", null),
        ENGLISH("en", Locale.ENGLISH),
        CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE);

        private final String code;
        private final Locale locale;

        LanguageChoice(String code, Locale locale) {
            this.code = code;
            this.locale = locale;
        }

        @Override
        public String code() {
            return code;
        }

        /** The language pages are drawn in, or empty when the browser decides. */
        public Optional<Locale> locale() {
            return Optional.ofNullable(locale);
        }
    }

    /** Whether a new deck shows the answer box: AUTO turns it on for decks whose answers are long. */
    public enum AnswerBox implements Choice {
        AUTO("auto", null),
        ON("on", true),
        OFF("off", false);

        private final String code;
        private final Boolean practiceMode;

        AnswerBox(String code, Boolean practiceMode) {
            this.code = code;
            this.practiceMode = practiceMode;
        }

        @Override
        public String code() {
            return code;
        }

        /** The deck's practice_mode: null for automatic. */
        public Boolean practiceMode() {
            return practiceMode;
        }

        static AnswerBox of(Boolean practiceMode) {
            return practiceMode == null ? AUTO : practiceMode ? ON : OFF;
        }
    }

    /** Light or dark pages; SYSTEM follows the operating system's choice. */
    public enum Theme implements Choice {
        SYSTEM("system"),
        LIGHT("light"),
        DARK("dark");

        private final String code;

        Theme(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
