package dev.prepdeck.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which language a request is answered in: the learner's own choice when there is one, else the browser's
 * Accept-Language, else English.
 * <p>
 * The choice is stored with the learner, but some answers are given before the filter that reads it runs: the Host
 * check, the body size limit and the CSRF check come first on purpose (they must refuse a request before it reaches
 * the database or the sign-in), and a sign-in page has no learner yet. Reading the learner earlier would undo that
 * order, so the choice is also remembered in a cookie whenever it is applied, and those answers read the cookie.
 */
public final class Language {
    /** Set by whatever knows the learner's chosen language (a setting) before the page is rendered. */
    public static final String CHOSEN_ATTRIBUTE = "prepdeck.language";
    /** The chosen language as a tag (en, zh-CN); absent when the learner lets the browser decide. */
    public static final String COOKIE = "prepdeck_language";
    private static final int ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

    private Language() {
    }

    public static Locale of(Context ctx) {
        Object chosen = ctx.attribute(CHOSEN_ATTRIBUTE);
        if (chosen instanceof Locale locale) {
            return Messages.supported(locale);
        }
        String remembered = ctx.cookie(COOKIE);
        if (remembered != null) {
            for (Locale supported : Messages.LANGUAGES) {
                if (supported.toLanguageTag().equals(remembered)) {
                    return supported;
                }
            }
        }
        return fromAcceptLanguage(ctx.header("Accept-Language"));
    }

    /**
     * The learner's choice for this request, null when the browser decides; the cookie follows it, so answers given
     * before the learner is known speak the same language.
     */
    public static void choose(Context ctx, Locale chosen) {
        ctx.attribute(CHOSEN_ATTRIBUTE, chosen);
        String tag = chosen == null ? null : Messages.supported(chosen).toLanguageTag();
        if (Objects.equals(ctx.cookie(COOKIE), tag)) {
            return;
        }
        if (tag == null) {
            ctx.removeCookie(COOKIE, "/");
        } else {
            ctx.cookie(new Cookie(COOKIE, tag, "/", ONE_YEAR_SECONDS, ForwardedHeaders.secure(ctx), true, null,
                    SameSite.LAX));
        }
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
