package dev.prepdeck.search;

import java.math.BigDecimal;
import java.util.Locale;

/** Writes terms back in the search syntax, quoting and escaping only what the parser would read otherwise. */
final class SearchPrinter {
    private SearchPrinter() {
    }

    /**
     * {@code value} as one term's text: quoted when it holds white space, quotes or parentheses (or is empty), and
     * for plain text also when it would read as an operator, a negation or a {@code key:} term.
     */
    static String quoteIfNeeded(String value, boolean plainText) {
        String escaped = value.replace("\"", "\\\"");
        if (plainText) {
            int colon = escaped.indexOf(':');
            if (colon > 0 && SearchParser.isKey(escaped.substring(0, colon))) {
                escaped = escaped.substring(0, colon) + "\\" + escaped.substring(colon);
            }
        }
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\u3000'
                || c == '(' || c == ')' || c == '"')
                || plainText && (value.startsWith("-") || value.equalsIgnoreCase("or") || value.equalsIgnoreCase("and")
                || SearchParser.isCoverage(value));
        return quote ? "\"" + escaped + "\"" : escaped;
    }

    /** A number without a needless fraction: 10, 0.75. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
