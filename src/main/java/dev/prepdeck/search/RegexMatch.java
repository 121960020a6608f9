package dev.prepdeck.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.sqlite.Function;

/**
 * SQLite's {@code REGEXP} operator for {@code re:} searches, one instance per search. Each match may read a thousand
 * times its text's length (see {@link BoundedText}) and the whole search at most {@code readBudget} chars; past
 * either the statement fails and {@link #exhausted()} names the pattern, which {@link SearchService} reports as a
 * problem with it rather than a server error.
 */
final class RegexMatch extends Function {
    /** Case-insensitive by default, as Anki's {@code re:} is; {@code (?-i)} in a pattern turns that off. */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private final Map<String, Pattern> compiled = new HashMap<>();
    private long readsLeft;
    private String exhausted;

    RegexMatch(long readBudget) {
        this.readsLeft = readBudget;
    }

    static Pattern compile(String pattern) {
        return Pattern.compile(pattern, FLAGS);
    }

    void register(Connection connection) throws SQLException {
        Function.create(connection, "regexp", this, 2, Function.FLAG_DETERMINISTIC);
    }

    /** The pattern that needed too much work, or null. */
    String exhausted() {
        return exhausted;
    }

    /** {@code text REGEXP pattern} calls {@code regexp(pattern, text)}: 1 when the pattern occurs in the text. */
    @Override
    protected void xFunc() throws SQLException {
        String pattern = value_text(0);
        String text = value_text(1);
        if (pattern == null || text == null) {
            result();
            return;
        }
        long allowance = Math.min(readsLeft, BoundedText.allowanceFor(text.length()));
        BoundedText bounded = BoundedText.of(text, allowance);
        try {
            result(compiled.computeIfAbsent(pattern, RegexMatch::compile).matcher(bounded).find() ? 1 : 0);
        } catch (BoundedText.Exhausted e) {
            exhausted = pattern;
            error("regular expression needs too much work: " + pattern);
        } finally {
            readsLeft -= allowance - Math.max(bounded.readsLeft(), 0);
        }
    }
}
