package dev.prepdeck.search;

import dev.prepdeck.search.SearchNode.Comparison;
import dev.prepdeck.search.SearchNode.DatedEvent;
import dev.prepdeck.search.SearchNode.Property;
import dev.prepdeck.search.SearchNode.StateFilter;
import dev.prepdeck.search.SearchNode.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Anki's search syntax, read by recursive descent:
 *
 * <pre>
 * search  = or
 * or      = and { "or" and }               -- "or" in any case; AND binds tighter
 * and     = unary { ["and"] unary }        -- terms side by side must all match
 * unary   = "-" unary | "(" or ")" | term
 * term    = chars up to white space or a parenthesis; "..." keeps spaces and parentheses in; \ escapes
 *           \ " * _ : ( ) and -
 * </pre>
 *
 * A term is {@code key:value} when the key is one of {@link #KEYS}, {@code coverage<0.5}, or else text (so
 * {@code std::vector} is text). Mistakes throw {@link SearchSyntaxException} with the position of the problem.
 */
public final class SearchParser {
    /** Regular expressions longer than this are refused: a search box needs no more, and it bounds the work. */
    public static final int MAX_REGEX_LENGTH = 200;
    private static final int MAX_DAYS = 36_500;
    private static final Set<String> KEYS = Set.of(
            "deck", "tag", "is", "flag", "prop", "added", "edited", "rated", "introduced", "practiced", "q", "a", "re");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern COVERAGE = Pattern.compile("(?i)coverage[<>=!].*");
    private static final Pattern DANGLING = Pattern.compile("Dangling meta character '(.)'");
    /** java.util.regex's descriptions of the usual mistakes, each with its sentence under search.error.regex. */
    private static final Map<String, String> REGEX_PROBLEMS = Map.of(
            "Unclosed group", "unclosedGroup",
            "Unclosed character class", "unclosedClass",
            "Unmatched closing ')'", "unmatchedClose",
            "Illegal repetition", "repetition",
            "Illegal/unsupported escape sequence", "escape");

    private final String query;
    private int at;

    private SearchParser(String query) {
        this.query = query;
    }

    /** The search tree of {@code query}; blank is {@link SearchNode.All}. */
    public static SearchNode parse(String query) {
        SearchParser parser = new SearchParser(query);
        parser.skipSpace();
        if (parser.at == query.length()) {
            return new SearchNode.All();
        }
        SearchNode node = parser.or();
        parser.skipSpace();
        if (parser.at < query.length()) {
            // or() stops only at the end or at a ')' it did not open
            throw new SearchSyntaxException(parser.at, "unmatchedClose");
        }
        return node;
    }

    static boolean isKey(String word) {
        return KEYS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isCoverage(String text) {
        return COVERAGE.matcher(text).matches();
    }

    private SearchNode or() {
        List<SearchNode> alternatives = new ArrayList<>();
        alternatives.add(and());
        while (operatorAhead("or")) {
            int orAt = at;
            at += 2;
            skipSpace();
            if (atEndOfGroup() || operatorAhead("or") || operatorAhead("and")) {
                throw new SearchSyntaxException(orAt, "orAlone");
            }
            alternatives.add(and());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new SearchNode.Or(alternatives);
    }

    private SearchNode and() {
        List<SearchNode> terms = new ArrayList<>();
        while (true) {
            skipSpace();
            if (atEndOfGroup() || operatorAhead("or") && !terms.isEmpty()) {
                break;
            }
            if (operatorAhead("or") || operatorAhead("and") && terms.isEmpty()) {
                String word = query.substring(at, at + (operatorAhead("or") ? 2 : 3));
                throw new SearchSyntaxException(at, "operatorBetween", word);
            }
            if (operatorAhead("and")) {
                int andAt = at;
                at += 3;
                skipSpace();
                if (atEndOfGroup() || operatorAhead("or") || operatorAhead("and")) {
                    throw new SearchSyntaxException(andAt, "andAlone");
                }
            }
            terms.add(unary());
        }
        return terms.size() == 1 ? terms.get(0) : new SearchNode.And(terms);
    }

    private SearchNode unary() {
        char c = query.charAt(at);
        if (c == '-') {
            int minusAt = at;
            at++;
            if (at == query.length() || isSpace(query.charAt(at)) || query.charAt(at) == ')') {
                throw new SearchSyntaxException(minusAt, "minusAlone");
            }
            return new SearchNode.Not(unary());
        }
        if (c == '(') {
            int openAt = at;
            at++;
            skipSpace();
            if (at < query.length() && query.charAt(at) == ')') {
                throw new SearchSyntaxException(openAt, "emptyParentheses");
            }
            if (at == query.length()) {
                throw new SearchSyntaxException(openAt, "unclosedParenthesis");
            }
            SearchNode inside = or();
            skipSpace();
            if (at == query.length()) {
                throw new SearchSyntaxException(openAt, "unclosedParenthesis");
            }
            at++; // the ')'
            return inside;
        }
        return term(readTerm());
    }

    /** Reads one term: up to white space or a parenthesis outside quotes; quotes are dropped, escapes kept. */
    private RawTerm readTerm() {
        int start = at;
        StringBuilder raw = new StringBuilder();
        List<Integer> source = new ArrayList<>();
        boolean quoted = false;
        int quoteAt = -1;
        while (at < query.length()) {
            char c = query.charAt(at);
            if (!quoted && (isSpace(c) || c == '(' || c == ')')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
                quoteAt = at;
                at++;
                continue;
            }
            if (c == '\\') {
                if (at + 1 == query.length()) {
                    throw new SearchSyntaxException(at, "loneBackslash");
                }
                raw.append(c).append(query.charAt(at + 1));
                source.add(at);
                source.add(at + 1);
                at += 2;
                continue;
            }
            raw.append(c);
            source.add(at);
            at++;
        }
        if (quoted) {
            throw new SearchSyntaxException(quoteAt, "unclosedQuote");
        }
        return new RawTerm(raw.toString(), source.stream().mapToInt(Integer::intValue).toArray(), at,
                query.substring(start, at));
    }

    private SearchNode term(RawTerm term) {
        int colon = term.unescapedIndexOf(':');
        if (colon > 0) {
            String key = term.raw().substring(0, colon).toLowerCase(Locale.ROOT);
            if (KEYS.contains(key)) {
                return keyed(term, key, colon + 1);
            }
        }
        if (isCoverage(term.raw())) {
            return coverage(term);
        }
        return new SearchNode.Text(TextField.ANY, glob(term, 0));
    }

    private SearchNode keyed(RawTerm term, String key, int valueStart) {
        String value = term.raw().substring(valueStart);
        if (value.isEmpty()) {
            throw term.error(term.end(), "missing." + valueKind(key), key);
        }
        return switch (key) {
            case "deck" -> new SearchNode.InDeck(glob(term, valueStart));
            case "tag" -> value.equalsIgnoreCase("none") ? new SearchNode.Untagged()
                    : new SearchNode.Tagged(glob(term, valueStart));
            case "is" -> state(term, value, valueStart);
            case "flag" -> flag(term, value, valueStart);
            case "prop" -> property(term, valueStart);
            case "added" -> new SearchNode.Within(DatedEvent.ADDED, days(term, value, valueStart));
            case "edited" -> new SearchNode.Within(DatedEvent.EDITED, days(term, value, valueStart));
            case "introduced" -> new SearchNode.Within(DatedEvent.INTRODUCED, days(term, value, valueStart));
            case "practiced" -> new SearchNode.Within(DatedEvent.PRACTICED, days(term, value, valueStart));
            case "rated" -> rated(term, value, valueStart);
            case "re" -> regex(term, TextField.ANY, valueStart);
            case "q" -> fieldText(term, TextField.QUESTION, valueStart);
            case "a" -> fieldText(term, TextField.ANSWER, valueStart);
            default -> throw new IllegalStateException("key without a rule: " + key);
        };
    }

    /** What a key takes, naming its "expected ... after 'key:'" sentence: missing.deck, missing.days... */
    private static String valueKind(String key) {
        return switch (key) {
            case "deck", "tag", "is", "flag", "prop", "rated", "re" -> key;
            case "q", "a" -> "text";
            default -> "days";
        };
    }

    private SearchNode fieldText(RawTerm term, TextField field, int valueStart) {
        if (term.raw().regionMatches(true, valueStart, "re:", 0, 3)) {
            if (valueStart + 3 == term.raw().length()) {
                throw term.error(term.end(), "missing.re", "re");
            }
            return regex(term, field, valueStart + 3);
        }
        return new SearchNode.Text(field, glob(term, valueStart));
    }

    private SearchNode state(RawTerm term, String value, int valueStart) {
        for (StateFilter state : StateFilter.values()) {
            if (state.keyword().equalsIgnoreCase(value)) {
                return new SearchNode.InState(state);
            }
        }
        throw term.error(term.position(valueStart), "unknownState", value);
    }

    private SearchNode flag(RawTerm term, String value, int valueStart) {
        if (!value.matches("[0-4]")) {
            throw term.error(term.position(valueStart), "flagRange");
        }
        return new SearchNode.Flagged(Integer.parseInt(value));
    }

    private SearchNode property(RawTerm term, int valueStart) {
        String rest = term.raw().substring(valueStart);
        Property property = null;
        int nameLength = 0;
        for (Property p : Property.values()) {
            // longest name first wins: "reps" must not be read as "r" followed by "eps"
            if (rest.toLowerCase(Locale.ROOT).startsWith(p.keyword()) && p.keyword().length() > nameLength) {
                property = p;
                nameLength = p.keyword().length();
            }
        }
        int nameEnd = 0;
        while (nameEnd < rest.length() && Character.isLetter(rest.charAt(nameEnd))) {
            nameEnd++;
        }
        if (property == null || nameEnd != nameLength) {
            throw term.error(term.position(valueStart), "unknownProperty", rest.substring(0, nameEnd));
        }
        int opAt = valueStart + nameLength;
        Comparison comparison = comparison(term, opAt, property.keyword());
        double value = number(term, opAt + comparison.symbol().length(), comparison);
        if (property.whole() && value != Math.rint(value)) {
            throw term.error(term.position(opAt + comparison.symbol().length()),
                    property == Property.INTERVAL || property == Property.DUE ? "wholeDays" : "wholeNumber",
                    property.keyword());
        }
        if ((property == Property.DIFFICULTY || property == Property.RETRIEVABILITY) && (value < 0 || value > 1)) {
            throw term.error(term.position(opAt + comparison.symbol().length()),
                    property == Property.DIFFICULTY ? "difficultyRange" : "retrievabilityRange");
        }
        return new SearchNode.PropertyIs(property, comparison, value);
    }

    private SearchNode coverage(RawTerm term) {
        int opAt = "coverage".length();
        Comparison comparison = comparison(term, opAt, "coverage");
        double value = number(term, opAt + comparison.symbol().length(), comparison);
        if (value < 0 || value > 1) {
            throw term.error(term.position(opAt + comparison.symbol().length()), "coverageRange");
        }
        return new SearchNode.Coverage(comparison, value);
    }

    private static Comparison comparison(RawTerm term, int at, String after) {
        for (Comparison c : Comparison.values()) {
            if (term.raw().startsWith(c.symbol(), at)) {
                return c;
            }
        }
        throw term.error(term.position(at), "comparison", after);
    }

    private static double number(RawTerm term, int at, Comparison after) {
        String text = term.raw().substring(at);
        if (!NUMBER.matcher(text).matches()) {
            throw term.error(term.position(at), "number", after.symbol());
        }
        return Double.parseDouble(text);
    }

    private static int days(RawTerm term, String text, int at) {
        if (!text.matches("\\d{1,9}")) {
            throw term.error(term.position(at), "days", term.raw().substring(0, at));
        }
        int days = Integer.parseInt(text);
        if (days < 1 || days > MAX_DAYS) {
            throw term.error(term.position(at), "daysRange", String.valueOf(MAX_DAYS));
        }
        return days;
    }

    private SearchNode rated(RawTerm term, String value, int valueStart) {
        int second = value.indexOf(':');
        int days = days(term, second < 0 ? value : value.substring(0, second), valueStart);
        if (second < 0) {
            return new SearchNode.Rated(days, null);
        }
        String rating = value.substring(second + 1);
        if (!rating.matches("[1-4]")) {
            throw term.error(term.position(valueStart + second + 1), "rating");
        }
        return new SearchNode.Rated(days, Integer.parseInt(rating));
    }

    private static SearchNode regex(RawTerm term, TextField field, int valueStart) {
        // the pattern is kept as typed (its backslashes are the regex's), except that \" stands for a quote
        String pattern = term.raw().substring(valueStart).replace("\\\"", "\"");
        if (pattern.length() > MAX_REGEX_LENGTH) {
            throw term.error(term.position(valueStart), "regexTooLong", String.valueOf(MAX_REGEX_LENGTH));
        }
        try {
            RegexMatch.compile(pattern);
        } catch (PatternSyntaxException e) {
            int at = e.getIndex() >= 0 && e.getIndex() < pattern.length() ? valueStart + e.getIndex() : valueStart;
            throw regexError(term, term.position(at), e.getDescription());
        }
        return new SearchNode.Regex(field, pattern);
    }

    /**
     * The JDK describes a bad pattern in English; the usual mistakes get a sentence of their own in the bundles, any
     * other keeps the JDK's description.
     */
    private static SearchSyntaxException regexError(RawTerm term, int position, String description) {
        Matcher dangling = DANGLING.matcher(description);
        if (dangling.matches()) {
            return term.error(position, "regex.dangling", dangling.group(1));
        }
        for (Map.Entry<String, String> known : REGEX_PROBLEMS.entrySet()) {
            if (description.equals(known.getKey())) {
                return term.error(position, "regex." + known.getValue());
            }
        }
        return term.error(position, "regex", description);
    }

    /** Reads Anki's escapes and wildcards in {@code term}'s raw text from {@code from}. */
    private static Glob glob(RawTerm term, int from) {
        List<Glob.Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        String raw = term.raw();
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                char next = raw.charAt(i + 1);
                if ("\\\"*_:()-".indexOf(next) < 0) {
                    literal.append(c); // not an escape Anki knows: the backslash is text (C:\Users)
                }
                literal.append(next);
                i++;
            } else if (c == '*' || c == '_') {
                if (!literal.isEmpty()) {
                    parts.add(new Glob.Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(c == '*' ? new Glob.AnyRun() : new Glob.AnyChar());
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty() || parts.isEmpty()) {
            parts.add(new Glob.Literal(literal.toString()));
        }
        return new Glob(parts);
    }

    private void skipSpace() {
        while (at < query.length() && isSpace(query.charAt(at))) {
            at++;
        }
    }

    private boolean atEndOfGroup() {
        return at == query.length() || query.charAt(at) == ')';
    }

    /** Whether the word at the cursor is the bare operator {@code word} (any case), not text that starts with it. */
    private boolean operatorAhead(String word) {
        int end = at + word.length();
        return query.regionMatches(true, at, word, 0, word.length())
                && (end == query.length() || isSpace(query.charAt(end)) || query.charAt(end) == '(' || query.charAt(end) == ')');
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000';
    }

    /**
     * One term: its text with quotes removed and escapes kept, the query position of each of those chars, where the
     * term ends in the query (exclusive) and the term exactly as typed, for messages.
     */
    private record RawTerm(String raw, int[] source, int end, String typed) {
        int position(int index) {
            return index < source.length ? source[index] : end;
        }

        int unescapedIndexOf(char wanted) {
            for (int i = 0; i < raw.length(); i++) {
                if (raw.charAt(i) == '\\') {
                    i++;
                } else if (raw.charAt(i) == wanted) {
                    return i;
                }
            }
            return -1;
        }

        /** A problem with this term: its sentence starts with the term as typed, so the learner sees which one. */
        SearchSyntaxException error(int position, String problem, Object... details) {
            Object[] arguments = new Object[details.length + 1];
            arguments[0] = typed;
            System.arraycopy(details, 0, arguments, 1, details.length);
            return new SearchSyntaxException(position, problem, arguments);
        }
    }
}
