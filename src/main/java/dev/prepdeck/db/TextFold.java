package dev.prepdeck.db;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.sqlite.Function;

/**
 * The one spelling text is searched in: compatibility forms unified (NFKC: full-width ＳＱＬ is SQL), lower case,
 * accents removed from Latin, Greek and Cyrillic letters (é is e; Japanese voicing marks stay), and every run of
 * white space one space, so a phrase matches across a line break in the Markdown source. Cards are indexed in this
 * spelling by the schema's triggers (which call {@code search_fold} and {@code search_tags}, registered on every
 * connection by {@link Database}) and queries are folded the same way, so both sides always agree.
 *
 * <p>Each base character is folded together with the combining marks that follow it, which lets
 * {@link #foldWithOffsets} say where every folded character came from (to highlight matches in the original).
 */
public final class TextFold {
    private static final int FIRST_DIACRITIC = 0x0300;
    private static final int LAST_DIACRITIC = 0x036F;

    private TextFold() {
    }

    /** {@code text} in the folded spelling. */
    public static String fold(String text) {
        return foldWithOffsets(text).text();
    }

    /** The folded text and, for each of its chars, the range of {@code text} it came from. */
    public static Folded foldWithOffsets(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] from = new int[text.length() + 1];
        int[] to = new int[from.length];
        int i = 0;
        while (i < text.length()) {
            int start = i;
            int base = text.codePointAt(i);
            i += Character.charCount(base);
            while (i < text.length() && isCombiningMark(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int before = out.length();
            if (isSpace(base)) {
                if (before > 0 && out.charAt(before - 1) == ' ') {
                    to[before - 1] = i; // the space already written stands for the whole run
                } else {
                    out.append(' ');
                }
            } else if (base < 0x80 && i == start + 1) {
                out.append((char) (base >= 'A' && base <= 'Z' ? base + ('a' - 'A') : base));
            } else if (base >= 0x4E00 && base <= 0x9FFF && i == start + 1) {
                out.append((char) base); // CJK unified ideographs have no case, accents or other forms
            } else {
                appendFolded(text.substring(start, i), out);
            }
            if (out.length() > from.length) {
                from = Arrays.copyOf(from, out.length() * 2);
                to = Arrays.copyOf(to, out.length() * 2);
            }
            for (int k = before; k < out.length(); k++) {
                from[k] = start;
                to[k] = i;
            }
        }
        int n = out.length();
        return new Folded(out.toString(), Arrays.copyOf(from, n), Arrays.copyOf(to, n));
    }

    /** Each tag of a stored comma-separated list, folded, without blanks or repeats. */
    public static Set<String> foldTags(String tags) {
        Set<String> folded = new LinkedHashSet<>();
        for (String tag : tags.split("[,，]")) {
            String f = fold(tag.strip()).strip();
            if (!f.isEmpty()) {
                folded.add(f);
            }
        }
        return folded;
    }

    /**
     * Whether a character is written without spaces between words (Chinese, Japanese, Korean), so that 1 and 2
     * character searches need the {@link #cjkGrams} index rather than the trigram one.
     */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /**
     * Every CJK character of folded text and every pair of adjacent ones, separated by spaces ("数据库" gives
     * "数 据 库 数据 据库"): the tokens of the index that answers 1 and 2 character searches, which trigrams cannot.
     */
    public static String cjkGrams(String folded) {
        Set<String> grams = new LinkedHashSet<>();
        int previous = -1;
        for (int i = 0; i < folded.length(); ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (!isCjk(c)) {
                previous = -1;
                continue;
            }
            grams.add(Character.toString(c));
            if (previous >= 0) {
                grams.add(Character.toString(previous) + Character.toString(c));
            }
            previous = c;
        }
        return String.join(" ", grams);
    }

    /**
     * Registers {@code search_fold(text)}, {@code search_tags(tags)} (a JSON array of {@link #foldTags}) and
     * {@code search_cjk(folded)} ({@link #cjkGrams}) on a connection. The card triggers call them, so a
     * connection without them cannot write cards.
     */
    public static void registerSqlFunctions(Connection connection) throws SQLException {
        Function.create(connection, "search_fold", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(fold(text));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "search_tags", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String tags = value_text(0);
                result(tags == null ? "[]" : jsonArray(foldTags(tags)));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "search_cjk", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String folded = value_text(0);
                result(folded == null ? "" : cjkGrams(folded));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }

    private static String jsonArray(Set<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(value)).append('"');
        }
        return json.append(']').toString();
    }

    private static void appendFolded(String cluster, StringBuilder out) {
        String decomposed = Normalizer.normalize(cluster, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(c -> c < FIRST_DIACRITIC || c > LAST_DIACRITIC)
                .forEach(kept::appendCodePoint);
        String lower = kept.toString().toLowerCase(Locale.ROOT);
        String composed = Normalizer.normalize(lower, Normalizer.Form.NFC);
        // NFKC can turn one character into white space (U+3000) or several words (㍿); keep spaces single
        for (int k = 0; k < composed.length(); k++) {
            char c = composed.charAt(k);
            if (isSpace(c)) {
                if (out.length() == 0 || out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isCombiningMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Folded text with, for its char {@code k}, the original range {@code [from[k], to[k])}: several folded chars
     * can share one original range (ﬁ is fi) and one folded space can stand for a run of white space.
     */
    public record Folded(String text, int[] from, int[] to) {
    }
}
