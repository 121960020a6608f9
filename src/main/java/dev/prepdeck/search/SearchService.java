package dev.prepdeck.search;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.deck.Card;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSettings;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.fsrs.FsrsParameters;
import dev.prepdeck.fsrs.Scheduler;
import dev.prepdeck.fsrs.State;
import dev.prepdeck.settings.Settings;
import dev.prepdeck.settings.SettingsRepository;
import dev.prepdeck.web.Messages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/** Finds a learner's cards with the search syntax: one page of rows with the browse columns, and the total. */
public final class SearchService {
    public static final int MAX_PAGE_SIZE = 500;
    /** PostgreSQL's SQLSTATE for a regular expression it cannot compile. */
    private static final String INVALID_REGEX = "2201B";

    /** Chars a {@code re:} search may read in all (about a second of matching), see {@link RegexMatch}. */
    private static final long REGEX_READ_BUDGET = 300_000_000L;

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final Clock clock;
    private final SettingsRepository settings = new SettingsRepository();

    public SearchService(Jdbi jdbi, DeckRepository decks, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.clock = clock;
    }

    /**
     * One page of the learner's cards that match {@code query}, sorted by {@code sort} (ties by card id).
     *
     * @param page from 1; a page past the end is empty, with the total still counted
     * @throws SearchSyntaxException when the query cannot be parsed, or a {@code re:} pattern needs too much work
     * @throws InvalidInputException when the page or page size is out of range
     */
    public SearchResult search(long learnerId, String query, SortColumn sort, SortOrder order, int page, int pageSize) {
        return Database.read(jdbi, h -> search(h, learnerId, query, sort, order, page, pageSize));
    }

    /** As {@link #search}, in the caller's transaction (a page that reads more in the same snapshot). */
    SearchResult search(Handle h, long learnerId, String query, SortColumn sort, SortOrder order, int page,
                        int pageSize) {
        if (page < 1) {
            throw Messages.invalid("page", "browse.error.page");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw Messages.invalid("pageSize", "browse.error.pageSize", MAX_PAGE_SIZE);
        }
        SearchNode search = SearchParser.parse(query == null ? "" : query);
        Page found = run(h, learnerId, query, search,
                (handle, compiled) -> page(handle, compiled, sort, order, (long) (page - 1) * pageSize, pageSize));
        return new SearchResult(search, found.rows(), found.total(), page, pageSize, sort, order);
    }

    /**
     * Every matching card's id, in id order: what "select all matches" acts on.
     *
     * @throws SearchSyntaxException as {@link #search} does
     */
    public List<Long> matchingIds(long learnerId, String query) {
        return Database.read(jdbi, h -> matchingIds(h, learnerId, query));
    }

    /** As {@link #matchingIds}, in the caller's transaction: a bulk edit finds and changes in one. */
    List<Long> matchingIds(Handle h, long learnerId, String query) {
        SearchNode search = SearchParser.parse(query == null ? "" : query);
        return run(h, learnerId, query, search, (handle, compiled) -> handle.createQuery(
                        "SELECT s.card_id " + compiled.fromWhere(false) + " ORDER BY s.card_id")
                .bindMap(compiled.parameters()).mapTo(Long.class).list());
    }

    /**
     * Compiles the search for the learner and runs {@code work} in the caller's transaction (one snapshot: the
     * learner, the decks' curves and the matches), with REGEXP when it is needed.
     */
    private <T> T run(Handle h, long learnerId, String query, SearchNode search,
                      BiFunction<Handle, CompiledSearch, T> work) {
        Dialect dialect = Dialect.of(h);
        CompiledSearch compiled = SearchCompiler.compile(search, context(h, learnerId), dialect);
        RegexMatch regex = new RegexMatch(REGEX_READ_BUDGET);
        try {
            if (compiled.usesRegex() && dialect == Dialect.SQLITE) {
                regex.register(h.getConnection());
            }
            return work.apply(h, compiled);
        } catch (StatementException e) {
            if (e.getCause() instanceof SQLException sql && INVALID_REGEX.equals(sql.getSQLState())) {
                // PostgreSQL's own reason, as "ERROR: invalid regular expression: quantifier operand invalid"
                String reason = sql.getMessage().lines().findFirst().orElse("").replaceFirst("^.*: ", "");
                throw new SearchSyntaxException(Math.max(0, query.indexOf("re:")), "regex", "re:", reason);
            }
            String pattern = regex.exhausted();
            if (pattern != null) {
                throw new SearchSyntaxException(Math.max(0, query.indexOf(pattern)), "tooMuchWork", pattern);
            }
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("could not register the REGEXP function", e);
        }
    }

    /**
     * One page of matches in order, with the browse columns and the total: the search's rows sorted and cut to the
     * page, then each row's details by key. The total is a subquery of the same statement, so it counts the very
     * snapshot the page comes from. The matches (card id and sort key) go to a temporary table that the page and
     * the total both read, rather than being searched for twice; only a search read in card order through a date
     * index runs twice, as its page stops at the first rows it needs.
     */
    String pageSql(CompiledSearch compiled, SortColumn sort, SortOrder order) {
        String direction = " " + order.sql() + (sort.nullable() ? " NULLS LAST, " : ", ");
        String rows = "SELECT s.card_id, " + sort.sql(compiled) + " AS sort_key " + compiled.fromWhere(sort.readsCard());
        String page;
        String total;
        if (compiled.driver() != null || !sort.readsCard()) {
            page = "WITH hits AS MATERIALIZED (" + rows + "), page AS (SELECT card_id, sort_key FROM hits"
                    + " ORDER BY sort_key" + direction + "card_id " + order.sql() + " LIMIT :limit OFFSET :offset)";
            total = "SELECT COUNT(*) FROM hits";
        } else {
            page = "WITH page AS (" + rows + " ORDER BY sort_key" + direction + compiled.tieBreaker(sort.readsCard())
                    + " " + order.sql() + " LIMIT :limit OFFSET :offset)";
            total = countSql(compiled);
        }
        return page
                + " SELECT (" + total + ") AS total,"
                + " c.id, c.question, c.answer, c.deck_id, d.name AS deck, c.tags, s.state, s.suspended,"
                + " s.buried_until > :now AS buried, s.flag, s.due, s.scheduled_days, s.stability, s.difficulty,"
                + " " + compiled.recall() + " AS retrievability, s.reps, s.lapses, c.created_at, c.updated_at,"
                + " s.last_review"
                + " FROM page CROSS JOIN card c ON c.id = page.card_id"
                + " CROSS JOIN card_state s ON s.card_id = c.id AND s.learner_id = :learner"
                + " CROSS JOIN deck d ON d.id = c.deck_id"
                + " ORDER BY page.sort_key" + direction + "c.id " + order.sql();
    }

    /** How many cards match (alone, for a page past the end, which has no row to carry the total). */
    String countSql(CompiledSearch compiled) {
        return "SELECT COUNT(*) " + compiled.fromWhere(false);
    }

    private Page page(Handle h, CompiledSearch compiled, SortColumn sort, SortOrder order, long offset, int limit) {
        List<Integer> totals = new ArrayList<>();
        List<SearchRow> rows = h.createQuery(pageSql(compiled, sort, order)).bindMap(compiled.parameters())
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> {
                    totals.add(rs.getInt("total"));
                    return row(rs);
                }).list();
        int total = rows.isEmpty()
                ? h.createQuery(countSql(compiled)).bindMap(compiled.parameters()).mapTo(Integer.class).one()
                : totals.get(0);
        return new Page(rows, total);
    }

    private static SearchRow row(ResultSet rs) throws SQLException {
        State state = State.of(rs.getInt("state"));
        boolean isNew = state == State.NEW;
        return new SearchRow(
                rs.getLong("id"), rs.getString("question"), rs.getString("answer"), rs.getLong("deck_id"),
                rs.getString("deck"), Card.splitTags(rs.getString("tags")), state, rs.getInt("suspended") != 0,
                rs.getBoolean("buried"), rs.getInt("flag"),
                isNew ? null : Instant.ofEpochMilli(rs.getLong("due")),
                isNew ? null : rs.getInt("scheduled_days"),
                isNew ? null : rs.getDouble("stability"),
                isNew ? null : (rs.getDouble("difficulty") - 1) / 9,
                isNew ? null : nullableDouble(rs, "retrievability"),
                rs.getInt("reps"), rs.getInt("lapses"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                nullableInstant(rs, "last_review"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    /** The learner's zone and rollover hour, and the forgetting curve of every deck. */
    SearchContext context(Handle h, long learnerId) {
        Settings chosen = settings.read(h, learnerId);
        return new SearchContext(learnerId, clock.instant(), chosen.zone(), chosen.rolloverHour(),
                curves(decks.allDecks(h, learnerId)));
    }

    /** Groups decks by forgetting curve; the curve of most decks (FSRS-6's defaults when there are none) is usual. */
    static SearchContext.RecallCurves curves(List<Deck> all) {
        Map<SearchContext.Curve, List<Long>> byCurve = new LinkedHashMap<>();
        byCurve.put(curve(new Scheduler(FsrsParameters.defaults())), new ArrayList<>());
        for (Deck deck : all) {
            byCurve.computeIfAbsent(curve(new Scheduler(DeckSettings.of(deck).toFsrsParameters())), c -> new ArrayList<>())
                    .add(deck.id());
        }
        SearchContext.Curve usual = byCurve.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().size())).orElseThrow().getKey();
        List<SearchContext.DeckCurve> exceptions = byCurve.entrySet().stream()
                .filter(e -> !e.getKey().equals(usual) && !e.getValue().isEmpty())
                .map(e -> new SearchContext.DeckCurve(e.getValue(), e.getKey())).toList();
        return new SearchContext.RecallCurves(usual, exceptions);
    }

    private static SearchContext.Curve curve(Scheduler scheduler) {
        return new SearchContext.Curve(scheduler.forgettingCurveFactor(), scheduler.decay());
    }

    private record Page(List<SearchRow> rows, int total) {
    }
}
