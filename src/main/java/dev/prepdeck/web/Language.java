package dev.prepdeck.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Which language a request is answered in: the learner's own choice when there is one, else the browser's
 * Accept-Language, else English.
 */
public final class Language {
    /** Set by whatever knows the learner's chosen language (a setting) before the page is rendered. */
    public static final String CHOSEN_ATTRIBUTE = "prepdeck.language";

    private Language() {
    }

    public static Locale of(Context ctx) {
        Object chosen = ctx.attribute(CHOSEN_ATTRIBUTE);
        if (chosen instanceof Locale locale) {
            return Messages.supported(locale);
        }
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    /** The best supported language for an Accept-Language header; a malformed header counts as no preference. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Messages.LANGUAGES.get(0);
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() == 0) {
                    continue;
                }
                String language = range.getRange().split("-")[0];
                if (language.equals("*")) {
                    return Messages.LANGUAGES.get(0);
                }
                for (Locale supported : Messages.LANGUAGES) {
                    if (supported.getLanguage().equals(language)) {
                        return supported;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Messages.LANGUAGES.get(0);
        }
        return Messages.LANGUAGES.get(0);
    }
}
