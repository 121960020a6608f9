package dev.prepdeck.web;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.Notice;
import dev.prepdeck.error.Worded;
import io.javalin.http.Context;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The interface's words, from the bundles i18n/messages.properties (English, also the fallback) and
 * i18n/messages_zh_CN.properties. Templates reach them as {@code #{key}}, handlers as {@link #text(Context, String,
 * Object...)}. A pattern with arguments is a {@link MessageFormat} (plurals by choice format, a literal apostrophe
 * doubled); one without arguments is plain text, so everyday sentences need no escaping.
 */
public final class Messages {
    static final String BUNDLE = EnglishText.BUNDLE;
    /** The languages the interface speaks, the first being the one used when nothing else decides. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private Messages() {
    }

    /** The sentence {@code key} in the language of this request, with its arguments in place. */
    public static String text(Context ctx, String key, Object... arguments) {
        return text(Language.of(ctx), key, arguments);
    }

    public static String text(Locale locale, String key, Object... arguments) {
        String pattern = pattern(locale, key);
        if (pattern == null) {
            throw new MissingResourceException("No message " + key, BUNDLE, key);
        }
        return format(locale, pattern, inLanguage(locale, arguments));
    }

    /**
     * A form field's label inside a sentence ("new cards per day must be a whole number"). The label is written in
     * English where the handler reads the field and doubles as its key, as gettext's message ids do: {@code field.}
     * and the label in lower case with dashes ({@code field.new-cards-per-day}) holds its words in each language, so
     * the sentence names the field in the page's language. A label without an entry stays as written.
     */
    public record Label(String english) {
        public String key() {
            return "field." + english.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        }

        String in(Locale locale) {
            String words = pattern(locale, key());
            return words == null ? english : words;
        }

        @Override
        public String toString() {
            return english;
        }
    }

    private static Object[] inLanguage(Locale locale, Object[] arguments) {
        if (arguments == null) {
            return null;
        }
        Object[] worded = arguments.clone();
        for (int i = 0; i < worded.length; i++) {
            if (worded[i] instanceof Label label) {
                worded[i] = label.in(locale);
            } else if (worded[i] instanceof Notice notice) {
                worded[i] = worded(locale, notice);
            }
        }
        return worded;
    }

    /** Bad input whose message is the sentence {@code key}: English in the exception, the learner's language on a page. */
    public static InvalidInputException invalid(String field, String key, Object... arguments) {
        return new InvalidInputException(field, text(Locale.ENGLISH, key, arguments), key, List.of(arguments));
    }

    /** A sentence named by its key and arguments (a warning, a notice), in the request's language. */
    public static String worded(Context ctx, Worded worded) {
        return text(ctx, worded.key(), worded.arguments().toArray());
    }

    public static String worded(Locale locale, Worded worded) {
        return text(locale, worded.key(), worded.arguments().toArray());
    }

    /** What went wrong, in the request's language when the problem names its sentence, else as it was written. */
    public static String problem(Context ctx, Exception e) {
        if (e instanceof Worded worded && worded.key() != null) {
            return text(ctx, worded.key(), worded.arguments().toArray());
        }
        return e.getMessage();
    }

    /** The pattern for {@code key} in {@code locale}'s bundle (falling back to English), or null if there is none. */
    static String pattern(Locale locale, String key) {
        ResourceBundle bundle = BUNDLES.get(supported(locale));
        return bundle.containsKey(key) ? bundle.getString(key) : null;
    }

    static String format(Locale locale, String pattern, Object... arguments) {
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(arguments);
    }

    /** The supported language closest to {@code locale}: any Chinese reads the Simplified bundle, anything else English. */
    public static Locale supported(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /**
     * English lives in the base bundle, so the JVM's default locale must not be consulted on the way: on a machine
     * set to, say, German, a lookup for English would otherwise try messages_de first and then the base anyway,
     * but on one set to Chinese an English page would come out in Chinese.
     */
    private static final ResourceBundle.Control FALLBACK_TO_ENGLISH =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * Each language's bundle, looked up once: ResourceBundle.getBundle finds its caller's module and its cache entry on
     * every call, which was most of the cost of the four interval labels of each card the study loop shows (issue 19).
     */
    private static final Map<Locale, ResourceBundle> BUNDLES = LANGUAGES.stream().collect(Collectors.toUnmodifiableMap(
            language -> language, language -> ResourceBundle.getBundle(BUNDLE, language, FALLBACK_TO_ENGLISH)));
}
