package dev.prepdeck.practice;

import dev.prepdeck.web.Messages;
import java.util.List;
import java.util.Locale;

/**
 * Why the checker judged a key point as it did, kept as a message key with its arguments (the point's words, quoted)
 * so the reveal page words it in the learner's language; an argument that is itself a Reason is worded first, and a
 * list of words is joined as the language lists them ("a", "b" / “a”、“b”).
 */
public record Reason(String key, List<Object> arguments) {
    public Reason {
        arguments = List.copyOf(arguments);
    }

    static Reason of(String key, Object... arguments) {
        return new Reason(key, List.of(arguments));
    }

    public String in(Locale locale) {
        Object[] worded = arguments.stream().map(a -> a instanceof Reason r ? r.in(locale)
                : a instanceof List<?> words ? String.join(Messages.text(locale, "list.separator"),
                        words.stream().map(String::valueOf).toList())
                : a).toArray();
        return Messages.text(locale, key, worded);
    }
}
