package dev.prepdeck.error;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The English sentence for a bundle key, for exceptions thrown below the web toolkit (the file formats): their
 * message must be English text for the command line, yet the same key lets a page word it in Chinese. It reads the
 * base bundle the toolkit's {@code Messages} reads, with the same rule: a pattern with arguments is a
 * {@link MessageFormat}, one without is plain text.
 */
public final class EnglishText {
    public static final String BUNDLE = "i18n/messages";

    private EnglishText() {
    }

    public static String of(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
    }
}
