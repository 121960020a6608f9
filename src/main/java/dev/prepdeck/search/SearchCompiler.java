package dev.prepdeck.search;

import dev.prepdeck.db.Dialect;
import dev.prepdeck.db.TextFold;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.search.SearchNode.Comparison;
import dev.prepdeck.search.SearchNode.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a search tree into SQL over {@code card c}, the learner's {@code card_state s} and, when needed, the folded
 * text {@code card_text t}. Every value is a bound parameter named after its term ({@code :tag1}, {@code :ivl1});
 * nothing the user typed is ever part of the SQL text.
 *
 * <p>Text of 3 or more characters is found through the trigram index, Chinese, Japanese and Korean text of 1 or 2
 * characters through the CJK index, and only other short text and wildcard patterns are checked on the folded text
 * itself. The text term with the longest indexed text, if one must match, becomes the {@code driver} the query
 * starts from; {@link CompiledSearch} says why the order matters and fixes it.
 *
 * <p>Each term's condition is true or false, never NULL, so that {@code -term} is exactly the cards the term does
 * not find (NOT NULL would drop a card from both).
 *
 * <p>On PostgreSQL (issue 18) text is looked up with LIKE in card_text, whose pg_trgm indexes answer any substring
 * of 3 or more characters; GLOB patterns become LIKE patterns, and {@code re:} is PostgreSQL's own case-insensitive
 * regular expression match ({@code ~*}; {@code ~} for a pattern that starts with Java's {@code (?-i)}).
 */
final class SearchCompiler {
    /** The flag that starts a case-sensitive {@code re:} pattern, as Java writes it. */
    private static final String CASE_SENSITIVE = "(?-i)";
    private static final String TRIGRAM_INDEX = "card_text_index";
    private static final String CJK_INDEX = "card_text_cjk";

    private final SearchContext context;
    private final Dialect dialect;
    /** The condition that is always true: 1 in SQLite, TRUE in PostgreSQL (which wants a boolean). */
    private final String always;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private boolean readsCard;
    private boolean readsFoldedText;
    private boolean usesRegex;

    private SearchCompiler(SearchContext context, Dialect dialect) {
        this.context = context;
        this.dialect = dialect;
        this.always = dialect.pick("1", "TRUE");
        parameters.put("learner", context.learnerId());
        parameters.put("viewer", context.learnerId());
        // state codes are bound like every value (sort keys test :new too, so it is always there)
        parameters.put("new", State.NEW);
    }

    static CompiledSearch compile(SearchNode search, SearchContext context) {
        return compile(search, context, Dialect.SQLITE);
    }

    static CompiledSearch compile(SearchNode search, SearchContext context, Dialect dialect) {
        return new SearchCompiler(context, dialect).compileSearch(search);
    }

    private CompiledSearch compileSearch(SearchNode search) {
        List<SearchNode> conjuncts = search instanceof SearchNode.And and ? and.terms() : List.of(search);
        int driver = -1;
        int driverLength = 0;
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof SearchNode.Text text && indexedLength(text) > driverLength) {
                driver = i;
                driverLength = indexedLength(text);
            }
        }
        String driverQuery = null;
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < conjuncts.size(); i++) {
            if (i == driver) {
                TextSql text = text((SearchNode.Text) conjuncts.get(i));
                driverQuery = text.indexQueries().get(0);
                conditions.add(new TextSql(text.indexQueries().subList(1, text.indexQueries().size()), text.check())
                        .condition(always));
            } else {
                conditions.add(condition(conjuncts.get(i)));
            }
        }
        String where = conditions.stream().filter(c -> !c.equals(always)).sorted(Comparator.comparingInt(SearchCompiler::cost))
                .collect(Collectors.joining(" AND "));
        String recall = recall();
        return new CompiledSearch(driverQuery, where.isEmpty() ? always : where, parameters, readsCard, readsFoldedText,
                usesRegex, recall);
    }

    /**
     * A rough order of cost, so that SQLite (which tests the terms of a WHERE in the order written) tests a card's
     * own columns before looking anything up, and text and regular expressions last.
     */
    private static int cost(String condition) {
        if (condition.contains("REGEXP") || condition.contains(" ~* ")) {
            return 4;
        }
        if (condition.contains("t.question") || condition.contains("t.answer")) {
            return 3;
        }
        return condition.contains("SELECT") ? 2 : 1;
    }

    /**
     * The length of the longest part of a text term an index can look up (0: none), a guess at how few cards it
     * matches: the longer the text, the fewer.
     */
    private static int indexedLength(SearchNode.Text term) {
        int longest = 0;
        for (String literal : term.text().literals()) {
            String folded = TextFold.fold(literal);
            int length = folded.codePointCount(0, folded.length());
            if (length >= 3 || length > 0 && folded.codePoints().allMatch(TextFold::isCjk)) {
                longest = Math.max(longest, length);
            }
        }
        return longest;
    }

    private String condition(SearchNode node) {
        if (node instanceof SearchNode.All) {
            return always;
        } else if (node instanceof SearchNode.And and) {
            return "(" + and.terms().stream().map(this::condition).collect(Collectors.joining(" AND ")) + ")";
        } else if (node instanceof SearchNode.Or or) {
            return "(" + or.terms().stream().map(this::condition).collect(Collectors.joining(" OR ")) + ")";
        } else if (node instanceof SearchNode.Not not) {
            return "NOT " + condition(not.term());
        } else if (node instanceof SearchNode.Text text) {
            return text(text).condition(always);
        } else if (node instanceof SearchNode.Regex regex) {
            usesRegex = true;
            readsCard = true;
            String pattern = regex.pattern();
            String match = dialect.pick("REGEXP", "~*");
            if (dialect == Dialect.POSTGRESQL && pattern.startsWith(CASE_SENSITIVE)) {
                // Java's flag, which the SQLite REGEXP takes as it is, is PostgreSQL's case-sensitive operator
                pattern = pattern.substring(CASE_SENSITIVE.length());
                match = "~";
            }
            String p = bind("regex", pattern);
            return onFields(regex.field(), "c.%s " + match + " " + p);
        } else if (node instanceof SearchNode.InDeck deck) {
            String p = bind("deck", pattern(deck.name()));
            String decks = "SELECT id FROM deck WHERE search_fold(name) " + matches() + " " + p
                    + " OR search_fold(name) " + matches() + " " + p + " || " + dialect.pick("'::*'", "'::%'");
            return cardColumnIn("deck_id IN (" + decks + ")");
        } else if (node instanceof SearchNode.Tagged tagged) {
            return tag(tagged.tag());
        } else if (node instanceof SearchNode.Untagged) {
            return "NOT EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = s.card_id)";
        } else if (node instanceof SearchNode.InState state) {
            return state(state.state());
        } else if (node instanceof SearchNode.Flagged flagged) {
            return "s.flag = " + bind("flag", flagged.flag());
        } else if (node instanceof SearchNode.PropertyIs property) {
            return property(property);
        } else if (node instanceof SearchNode.Within within) {
            return within(within);
        } else if (node instanceof SearchNode.Rated rated) {
            String since = bind("rated", context.dayStart(1 - rated.days()));
            String rating = rated.rating() == null ? "" : " AND rating = " + bind("rating", rated.rating());
            return "+s.card_id IN (SELECT card_id FROM review_log WHERE learner_id = :learner AND reviewed_at >= " + since
                    + rating + ")";
        } else if (node instanceof SearchNode.Coverage coverage) {
            String value = bind("coverage", coverage.value());
            return "+s.card_id IN (SELECT card_id FROM (SELECT card_id, coverage, ROW_NUMBER() OVER "
                    + "(PARTITION BY card_id ORDER BY attempted_at DESC, id DESC) AS recency "
                    + "FROM practice_attempt WHERE learner_id = :learner) AS latest WHERE recency = 1 AND coverage "
                    + coverage.comparison().sql() + " " + value + ")";
        }
        throw new IllegalStateException("search term without SQL: " + node.getClass().getSimpleName());
    }

    /**
     * A condition on a column of card, as the list of cards that pass: read from the column's index (card_deck,
     * card_created, card_updated), never from card rows.
     */
    private String cardColumnIn(String condition) {
        return "+s.card_id IN (SELECT id FROM card WHERE " + condition + ")";
    }

    /**
     * A text term as index lookups (each a query of card ids) plus, when the indexes cannot tell exactly, a check on
     * the folded text.
     */
    private TextSql text(SearchNode.Text term) {
        List<String> literals = term.text().literals().stream().map(TextFold::fold).toList();
        List<String> trigramPhrases = new ArrayList<>();
        List<String> cjkWords = new ArrayList<>();
        for (String literal : literals) {
            int length = literal.codePointCount(0, literal.length());
            if (length >= 3) {
                trigramPhrases.add(ftsString(literal));
            } else if (length > 0 && literal.codePoints().allMatch(TextFold::isCjk)) {
                cjkWords.add(ftsString(literal));
            }
        }
        List<String> indexQueries = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            List<String> indexed = literals.stream().filter(l -> !l.isEmpty() && (l.codePointCount(0, l.length()) >= 3
                    || l.codePoints().allMatch(TextFold::isCjk))).toList();
            if (!indexed.isEmpty()) {
                indexQueries.add("SELECT card_id FROM card_text WHERE " + indexed.stream()
                        .map(l -> onFields(term.field(), "%s LIKE " + bind("text", "%" + likeLiteral(l) + "%")))
                        .collect(Collectors.joining(" AND ")));
            }
        } else if (!trigramPhrases.isEmpty()) {
            indexQueries.add(indexQuery(TRIGRAM_INDEX, bind("text", ftsQuery(term.field(), trigramPhrases))));
        }
        if (dialect == Dialect.SQLITE && !cjkWords.isEmpty()) {
            indexQueries.add(indexQuery(CJK_INDEX, bind("text", ftsQuery(term.field(), cjkWords))));
        }
        String check = null;
        if (term.text().hasWildcards()) {
            readsFoldedText = true;
            String any = dialect.pick("*", "%");
            check = onFields(term.field(), "t.%s " + matches() + " " + bind("text", any + pattern(term.text()) + any));
        } else if (indexQueries.isEmpty() && !literals.get(0).isEmpty()) {
            readsFoldedText = true;
            check = onFields(term.field(), "instr(t.%s, " + bind("text", literals.get(0)) + ") > 0");
        }
        return new TextSql(indexQueries, check);
    }

    private static String indexQuery(String index, String match) {
        return "SELECT rowid AS card_id FROM " + index + " WHERE " + index + " MATCH " + match;
    }

    /** An FTS5 query: the phrases must all occur, in the field's column when it is not both. */
    private static String ftsQuery(TextField field, List<String> phrases) {
        String all = phrases.size() == 1 ? phrases.get(0) : "(" + String.join(" AND ", phrases) + ")";
        return switch (field) {
            case ANY -> all;
            case QUESTION -> "{question} : " + all;
            case ANSWER -> "{answer} : " + all;
        };
    }

    /** An FTS5 string: double quotes make everything inside literal, and a quote inside is doubled. */
    private static String ftsString(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** The condition on the question, the answer or either; {@code template} has %s for the column. */
    private static String onFields(TextField field, String template) {
        return switch (field) {
            case ANY -> "(" + template.formatted("question") + " OR " + template.formatted("answer") + ")";
            case QUESTION -> template.formatted("question");
            case ANSWER -> template.formatted("answer");
        };
    }

    /** The operator that matches {@link #pattern}s: GLOB in SQLite, LIKE in PostgreSQL. */
    private String matches() {
        return dialect.pick("GLOB", "LIKE");
    }

    /** A wildcard pattern over folded text as {@link #matches} takes it. */
    private String pattern(Glob glob) {
        return dialect == Dialect.SQLITE ? globPattern(glob) : likePattern(glob);
    }

    /** The pattern as PostgreSQL LIKE over folded text: % and _ are the wildcards, \% \_ \\ the characters. */
    private static String likePattern(Glob glob) {
        StringBuilder pattern = new StringBuilder();
        for (Glob.Part part : glob.parts()) {
            if (part instanceof Glob.Literal literal) {
                pattern.append(likeLiteral(TextFold.fold(literal.text())));
            } else {
                pattern.append(part instanceof Glob.AnyRun ? '%' : '_');
            }
        }
        return pattern.toString();
    }

    /** Text that LIKE matches only as itself. */
    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The pattern as SQLite GLOB over folded text: * and ? are the wildcards, [*] [?] [[] the characters. */
    private static String globPattern(Glob glob) {
        StringBuilder pattern = new StringBuilder();
        for (Glob.Part part : glob.parts()) {
            if (part instanceof Glob.Literal literal) {
                for (char c : TextFold.fold(literal.text()).toCharArray()) {
                    pattern.append(c == '*' || c == '?' || c == '[' ? "[" + c + "]" : String.valueOf(c));
                }
            } else {
                pattern.append(part instanceof Glob.AnyRun ? '*' : '?');
            }
        }
        return pattern.toString();
    }

    /**
     * A tag or one below it, looked up per card (card_tag's key starts with the card id): a popular tag can be on
     * half the cards, and listing those first would cost more than checking the cards that got this far.
     */
    private String tag(Glob tag) {
        String test;
        if (tag.hasWildcards()) {
            String p = bind("tag", pattern(tag).strip());
            test = "g.tag " + matches() + " " + p + " OR g.tag " + matches() + " " + p + " || "
                    + dialect.pick("'::*'", "'::%'");
        } else {
            String p = bind("tag", TextFold.fold(tag.literals().get(0)).strip());
            // "a::" <= tag < "a:;" is every tag that starts with "a::" in SQLite's byte order; PostgreSQL's order
            // follows the database's collation, so there it asks for the prefix
            test = "g.tag = " + p + dialect.pick(" OR (g.tag >= " + p + " || '::' AND g.tag < " + p + " || ':;')",
                    " OR starts_with(g.tag, " + p + " || '::')");
        }
        return "EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = s.card_id AND (" + test + "))";
    }

    private String state(SearchNode.StateFilter state) {
        return switch (state) {
            case DUE -> "(s.suspended = 0 AND " + notBuried() + " AND s.state IN (" + code(State.LEARNING) + ", "
                    + code(State.REVIEW) + ", " + code(State.RELEARNING) + ") AND s.due < "
                    + shared("dayEnd", context.today().end().toEpochMilli())
                    + " AND (s.state = " + code(State.REVIEW) + " OR s.due <= " + now() + "))";
            case NEW -> "s.state = :new";
            case LEARN -> "s.state IN (" + code(State.LEARNING) + ", " + code(State.RELEARNING) + ")";
            case REVIEW -> "s.state IN (" + code(State.REVIEW) + ", " + code(State.RELEARNING) + ")";
            case SUSPENDED -> "s.suspended = 1";
            case BURIED -> "(s.buried_until IS NOT NULL AND s.buried_until > " + now() + ")";
        };
    }

    private String notBuried() {
        return "(s.buried_until IS NULL OR s.buried_until <= " + now() + ")";
    }

    private String property(SearchNode.PropertyIs term) {
        Comparison op = term.comparison();
        return switch (term.property()) {
            case INTERVAL -> "(s.state <> :new AND s.scheduled_days " + op.sql() + " " + bind("ivl", (long) term.value()) + ")";
            case REPS -> "s.reps " + op.sql() + " " + bind("reps", (long) term.value());
            case LAPSES -> "s.lapses " + op.sql() + " " + bind("lapses", (long) term.value());
            case STABILITY -> "(s.state <> :new AND s.stability " + op.sql() + " " + bind("s", term.value()) + ")";
            case DIFFICULTY -> "(s.state <> :new AND (s.difficulty - 1) / 9 " + op.sql() + " " + bind("d", term.value()) + ")";
            case RETRIEVABILITY -> "(s.state <> :new AND s.stability > 0 AND s.last_review IS NOT NULL AND "
                    + recallCompared(op, term.value()) + ")";
            case DUE -> "(s.state <> :new AND " + dueDays(op, (long) term.value()) + ")";
        };
    }

    /** s.due compared in whole study days from today: prop:due=0 is due today, -1 yesterday. */
    private String dueDays(Comparison op, long days) {
        return switch (op) {
            case EQUAL -> "s.due >= " + bind("due", context.dayStart(days)) + " AND s.due < " + bind("due", context.dayStart(days + 1));
            case NOT_EQUAL -> "(s.due < " + bind("due", context.dayStart(days)) + " OR s.due >= " + bind("due", context.dayStart(days + 1)) + ")";
            case LESS -> "s.due < " + bind("due", context.dayStart(days));
            case LESS_OR_EQUAL -> "s.due < " + bind("due", context.dayStart(days + 1));
            case GREATER -> "s.due >= " + bind("due", context.dayStart(days + 1));
            case GREATER_OR_EQUAL -> "s.due >= " + bind("due", context.dayStart(days));
        };
    }

    private String within(SearchNode.Within term) {
        String since = bind(term.event().keyword(), context.dayStart(1 - term.days()));
        return switch (term.event()) {
            case ADDED -> cardColumnIn("created_at >= " + since);
            case EDITED -> cardColumnIn("updated_at >= " + since);
            case INTRODUCED -> "+s.card_id IN (SELECT r.card_id FROM review_log r WHERE r.learner_id = :learner AND r.reviewed_at >= "
                    + since + " AND NOT EXISTS (SELECT 1 FROM review_log e WHERE e.card_id = r.card_id"
                    + " AND e.learner_id = r.learner_id AND e.reviewed_at < " + since + "))";
            case PRACTICED -> "+s.card_id IN (SELECT card_id FROM practice_attempt WHERE learner_id = :learner AND attempted_at >= "
                    + since + ")";
        };
    }

    /**
     * "Retrievability now {@code op} r" without computing it for every card: R = (1 + factor · t / S) ^ decay falls
     * as t / S grows, so R &lt; r exactly when t &gt; k · S with k = (r ^ (1 / decay) - 1) / factor, worked out here
     * once per curve (the statistics page tests R &ge; 0.9 as t &le; S the same way).
     */
    private String recallCompared(Comparison op, double r) {
        SearchContext.RecallCurves curves = context.curves();
        String elapsed = "MAX((" + now() + " - s.last_review) / 86400000, 0)";
        String test = elapsed + " " + op.reversed().sql() + " %s * s.stability";
        String usual = test.formatted(bind("r", threshold(curves.usual(), r)));
        if (curves.exceptions().isEmpty()) {
            return usual;
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (SearchContext.DeckCurve exception : curves.exceptions()) {
            sql.append(" WHEN ").append(inDecks(exception.deckIds())).append(" THEN ")
                    .append(test.formatted(bind("r", threshold(exception.curve(), r))));
        }
        return sql.append(" ELSE ").append(usual).append(" END").toString();
    }

    /** The t / S at which the curve gives recall r (infinite for r = 0). */
    private static double threshold(SearchContext.Curve curve, double r) {
        return (Math.pow(r, 1 / curve.decay()) - 1) / curve.factor();
    }

    private String inDecks(List<Long> deckIds) {
        List<String> decks = new ArrayList<>();
        for (Long id : deckIds) {
            decks.add(bind("curveDeck", id));
        }
        return "+s.card_id IN (SELECT id FROM card WHERE deck_id IN (" + String.join(", ", decks) + "))";
    }

    /**
     * Retrievability now, as the scheduler computes it: t is whole days since the last review; decks with other
     * weights get their own curve. NULL for a card never reviewed.
     */
    private String recall() {
        SearchContext.RecallCurves curves = context.curves();
        String elapsed = "MAX((" + now() + " - s.last_review) / 86400000, 0)";
        String usual = curveSql(elapsed, curves.usual(), "");
        if (curves.exceptions().isEmpty()) {
            return usual;
        }
        StringBuilder sql = new StringBuilder("CASE");
        int n = 0;
        for (SearchContext.DeckCurve exception : curves.exceptions()) {
            n++;
            sql.append(" WHEN ").append(inDecks(exception.deckIds())).append(" THEN ")
                    .append(curveSql(elapsed, exception.curve(), String.valueOf(n)));
        }
        return sql.append(" ELSE ").append(usual).append(" END").toString();
    }

    private String curveSql(String elapsed, SearchContext.Curve curve, String suffix) {
        return "pow(1 + " + shared("factor" + suffix, curve.factor()) + " * " + elapsed + " / s.stability, "
                + shared("decay" + suffix, curve.decay()) + ")";
    }

    /** A state's code as a parameter named after it: :learning. */
    private String code(State state) {
        return shared(state.name().toLowerCase(Locale.ROOT), state);
    }

    private String now() {
        return shared("now", context.now().toEpochMilli());
    }

    /** A parameter for one term's value: :tag1, :tag2, ... */
    private String bind(String kind, Object value) {
        int n = counters.merge(kind, 1, Integer::sum);
        parameters.put(kind + n, value);
        return ":" + kind + n;
    }

    /** A parameter every term shares, such as :now. */
    private String shared(String name, Object value) {
        parameters.put(name, value);
        return ":" + name;
    }

    /** One text term: {@code indexQueries} each give card ids that may match (exactly when {@code check} is null). */
    private record TextSql(List<String> indexQueries, String check) {
        String condition(String always) {
            List<String> parts = new ArrayList<>(indexQueries.stream().map(q -> "+s.card_id IN (" + q + ")").toList());
            if (check != null) {
                parts.add(check);
            }
            if (parts.isEmpty()) {
                return always;
            }
            return parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")";
        }
    }
}
