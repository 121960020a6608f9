package dev.prepdeck.notes;

import dev.prepdeck.error.EnglishText;
import dev.prepdeck.error.Worded;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A warning about a notes file ({@code notes.warning.*}: what docutils would warn about, an image not found) or a
 * section it leaves out ({@code notes.skipped.*}), as a sentence of the message bundles whose {0} and {1} are the
 * file and the line; a page words it in its own language, {@link #toString()} is the English the command line prints.
 * The preview form carries notices back through hidden fields ({@link #encoded()}); {@link #decoded(String)} takes
 * back only a known sentence with exactly the arguments it uses, so a posted form cannot put words of its own on
 * the page (beyond the file names and titles the sentence quotes, which are escaped like any text).
 */
public record NotesNotice(String key, List<Object> arguments) implements Worded {
    private static final List<String> KINDS = List.of("notes.warning.", "notes.skipped.");
    /** Longer than any file name, title or path a notice quotes from notes within the upload limits. */
    private static final int MAX_ARGUMENT = 4096;

    public NotesNotice {
        arguments = arguments.stream().map(String::valueOf).collect(Collectors.toUnmodifiableList());
    }

    /** The warning {@code notes.warning.<problem>} at {@code file}:{@code line}, with the details it quotes. */
    static NotesNotice warning(String file, int line, String problem, Object... details) {
        return at("notes.warning." + problem, file, line, details);
    }

    /** The section left out for {@code notes.skipped.<problem>}; its title and details follow file and line. */
    static NotesNotice skipped(String file, int line, String problem, Object... details) {
        return at("notes.skipped." + problem, file, line, details);
    }

    private static NotesNotice at(String key, String file, int line, Object... details) {
        List<Object> arguments = new ArrayList<>(List.of(file, String.valueOf(line)));
        arguments.addAll(Arrays.asList(details));
        return new NotesNotice(key, arguments);
    }

    /** The notice as one form value: its key and arguments, each percent-encoded, separated by spaces. */
    public String encoded() {
        List<String> parts = new ArrayList<>(List.of(key));
        arguments.forEach(a -> parts.add(URLEncoder.encode(a.toString(), StandardCharsets.UTF_8)));
        return String.join(" ", parts);
    }

    /** The notice a form value names, when it is a notes notice the bundles hold with the arguments it uses. */
    public static Optional<NotesNotice> decoded(String value) {
        String[] parts = value.split(" ", -1);
        String key = parts[0];
        if (KINDS.stream().noneMatch(key::startsWith) || !key.matches("[\\w.]+")) {
            return Optional.empty();
        }
        String pattern;
        try {
            pattern = EnglishText.of(key);
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
        int used = new MessageFormat(pattern, Locale.ENGLISH).getFormatsByArgumentIndex().length;
        if (parts.length - 1 != used) {
            return Optional.empty();
        }
        List<Object> arguments = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String argument;
            try {
                argument = URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (argument.length() > MAX_ARGUMENT) {
                return Optional.empty();
            }
            arguments.add(argument);
        }
        return Optional.of(new NotesNotice(key, arguments));
    }

    @Override
    public String toString() {
        return EnglishText.of(key, arguments.toArray());
    }
}
