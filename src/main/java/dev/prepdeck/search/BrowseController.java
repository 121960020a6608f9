package dev.prepdeck.search;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.review.DueFormat;
import dev.prepdeck.search.SearchNode.TextField;
import dev.prepdeck.web.Flash;
import dev.prepdeck.web.JsonBody;
import dev.prepdeck.web.Language;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The card browser: /browse (search, sort, page, select and change cards in bulk), the tag list, and the same
 * searches and bulk edits as JSON. A search that cannot be parsed is a form message or a JSON 400 saying where.
 */
public final class BrowseController {
    static final int PAGE_SIZE = 50;
    private static final String SORTS = Arrays.stream(SortColumn.values()).map(SortColumn::key)
            .collect(Collectors.joining(", "));
    private static final String ORDERS = "asc or desc";

    private final BulkEdit bulk;
    private final SearchService search;
    private final SavedSearches savedSearches;
    private final Clock clock;

    public BrowseController(BulkEdit bulk, SearchService search, SavedSearches savedSearches, Clock clock) {
        this.bulk = bulk;
        this.search = search;
        this.savedSearches = savedSearches;
        this.clock = clock;
    }

    /** What the browse page was asked to show: the query, sort and page, as its links and forms repeat them. */
    public record View(String query, SortColumn sort, SortOrder order, int page) {
        static View of(Context ctx) {
            return new View(Params.queryText(ctx, "q"),
                    Params.queryChoice(ctx, "sort", SortColumn.ADDED, SortColumn::fromKey, SORTS),
                    Params.queryChoice(ctx, "order", SortOrder.ASCENDING, SortOrder::fromKey, ORDERS),
                    Params.queryInt(ctx, "page", 1, 1, Integer.MAX_VALUE));
        }

        static View ofForm(Context ctx) {
            return new View(Params.formText(ctx, "q"),
                    Params.formChoice(ctx, "sort", SortColumn.ADDED, SortColumn::fromKey, SORTS),
                    Params.formChoice(ctx, "order", SortOrder.ASCENDING, SortOrder::fromKey, ORDERS),
                    Params.formChoice(ctx, "page", 1, View::pageNumber, "a page number from 1"));
        }

        private static Optional<Integer> pageNumber(String text) {
            return text.matches("\\d{1,9}") && Integer.parseInt(text) >= 1 ? Optional.of(Integer.parseInt(text))
                    : Optional.empty();
        }

        /** This view's URL with another page. */
        public String pageUrl(int number) {
            return url(query, sort, order, number);
        }

        /** The URL that sorts by {@code key}: the same column again reverses the order. */
        public String sortUrl(String key) {
            SortOrder next = sort.key().equals(key) && order == SortOrder.ASCENDING ? SortOrder.DESCENDING
                    : SortOrder.ASCENDING;
            return url(query, SortColumn.fromKey(key).orElseThrow(), next, 1);
        }

        /** How a column header tells screen readers the sort: ascending, descending or none. */
        public String ariaSort(String key) {
            return !sort.key().equals(key) ? "none" : order == SortOrder.ASCENDING ? "ascending" : "descending";
        }

        public String url() {
            return url(query, sort, order, page);
        }

        /** Cramming these cards: weakest first unless the table is sorted by a column of the user's choosing. */
        public String cramUrl() {
            SortColumn cramSort = sort == SortColumn.ADDED ? SortColumn.RETRIEVABILITY : sort;
            SortOrder cramOrder = sort == SortColumn.ADDED ? SortOrder.ASCENDING : order;
            return "/cram?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&sort=" + cramSort.key()
                    + "&order=" + cramOrder.key();
        }

        static String url(String query, SortColumn sort, SortOrder order, int page) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("q", query);
            if (sort != SortColumn.ADDED) {
                params.put("sort", sort.key());
            }
            if (order != SortOrder.ASCENDING) {
                params.put("order", order.key());
            }
            if (page > 1) {
                params.put("page", String.valueOf(page));
            }
            return "/browse?" + params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    public void page(Context ctx) {
        View view = View.of(ctx);
        render(ctx, view, null, List.of());
    }

    /** A bulk action from the browse page's form: on the ticked cards or on every match of the search. */
    public void bulkForm(Context ctx) {
        View view = View.ofForm(ctx);
        List<Long> ticked = Params.formIdChoices(ctx, "card", "card");
        try {
            boolean everyMatch = "matches".equals(Params.formText(ctx, "scope"));
            CardSelection selection = everyMatch ? CardSelection.matching(view.query()) : CardSelection.of(ticked);
            Integer flag = Params.formInt(ctx, "flag", "flag");
            BulkAction action = BulkAction.of(Params.formText(ctx, "action"), flag == null ? null : flag.longValue(),
                    Params.formId(ctx, "deckId", "deck"), BulkAction.splitTyped(Params.formText(ctx, "tags")),
                    Params.formText(ctx, "days"));
            if (action instanceof BulkAction.Delete && !Params.formTicked(ctx, "confirmed")) {
                confirmDelete(ctx, view, selection, everyMatch);
                return;
            }
            int changed = bulk.apply(SignedIn.learner(ctx), selection, action);
            Flash.show(ctx, action instanceof BulkAction.SetDue ? Messages.text(ctx, "browse.done.set-due", changed)
                    : done(ctx, action, changed));
            ctx.redirect(view.url(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | NotFoundException | SearchSyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            render(ctx, view, Messages.problem(ctx, e), ticked);
        }
    }

    /** Takes back the last bulk edit (or tag rename or delete) and says how many cards it restored. */
    public void undoForm(Context ctx) {
        View view = View.ofForm(ctx);
        Optional<BulkEdit.Undone> undone = bulk.undoLast(SignedIn.learner(ctx));
        Flash.show(ctx, undone.isEmpty() ? Messages.text(ctx, "browse.undo.nothing")
                : Messages.text(ctx, "browse.undone." + undone.get().action(), undone.get().restored()));
        ctx.redirect(view.url(), HttpStatus.SEE_OTHER);
    }

    /** Saves the search in the form under a name, and shows it. */
    public void saveSearch(Context ctx) {
        View view = View.ofForm(ctx);
        try {
            SavedSearch saved = savedSearches.save(SignedIn.learner(ctx), Params.formText(ctx, "name"), view.query());
            Flash.show(ctx, Messages.text(ctx, "browse.saved.done", saved.name()));
            ctx.redirect(view.url(), HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | SearchSyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Map<String, Object> extra = new HashMap<>();
            extra.put("saveError", Messages.problem(ctx, e));
            render(ctx, view, null, List.of(), extra);
        }
    }

    public void deleteSavedSearch(Context ctx) {
        View view = View.ofForm(ctx);
        savedSearches.delete(SignedIn.learner(ctx), Params.requiredFormId(ctx, "id", "saved search"));
        Flash.show(ctx, Messages.text(ctx, "browse.saved.deleted"));
        ctx.redirect(view.url(), HttpStatus.SEE_OTHER);
    }

    private void confirmDelete(Context ctx, View view, CardSelection selection, boolean everyMatch) {
        int count = bulk.count(SignedIn.learner(ctx), selection);
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("count", count);
        model.put("everyMatch", everyMatch);
        model.put("cardIds", selection.cardIds());
        ctx.render("search/confirm-delete.html", model);
    }

    private void render(Context ctx, View view, String bulkError, List<Long> ticked) {
        render(ctx, view, bulkError, ticked, Map.of());
    }

    private void render(Context ctx, View view, String bulkError, List<Long> ticked, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("view", view);
        model.put("bulkError", bulkError);
        model.put("ticked", ticked);
        BulkEdit.BrowsePage page;
        try {
            page = bulk.browse(SignedIn.learner(ctx), view.query(), view.sort(), view.order(), view.page(), PAGE_SIZE);
            SearchResult result = page.result();
            Highlighter marks = result.highlighter();
            Instant now = clock.instant();
            ZoneId zone = page.zone();
            model.put("result", result);
            Locale locale = Language.of(ctx);
            model.put("rows", result.rows().stream().map(r -> Row.of(r, marks, now, zone, locale)).toList());
        } catch (SearchSyntaxException e) {
            page = bulk.withoutResults(SignedIn.learner(ctx));
            ctx.status(HttpStatus.BAD_REQUEST);
            model.put("queryError", Messages.problem(ctx, e));
            int at = Math.min(e.position(), view.query().length());
            model.put("queryBefore", view.query().substring(0, at));
            model.put("queryAfter", view.query().substring(at));
            model.put("queryErrorAt", at + 1);
        }
        model.put("decks", page.decks());
        model.put("tags", page.tags());
        model.put("undoable", page.undoable());
        model.put("savedSearches", page.saved());
        ctx.render("search/browse.html", model);
    }

    /** The message after a bulk action: what it did and to how many cards. */
    static String done(Context ctx, BulkAction action, int changed) {
        if (action instanceof BulkAction.Suspend s) {
            return Messages.text(ctx, s.suspended() ? "browse.done.suspended" : "browse.done.unsuspended", changed);
        } else if (action instanceof BulkAction.Flag f) {
            return f.flag() == 0 ? Messages.text(ctx, "browse.done.unflagged", changed)
                    : Messages.text(ctx, "browse.done.flagged", changed, f.flag());
        } else if (action instanceof BulkAction.Bury b) {
            return Messages.text(ctx, b.buried() ? "browse.done.buried" : "browse.done.unburied", changed);
        } else if (action instanceof BulkAction.MoveTo) {
            return Messages.text(ctx, "browse.done.moved", changed);
        } else if (action instanceof BulkAction.AddTags t) {
            return Messages.text(ctx, "browse.done.tagsAdded", changed, String.join(", ", t.tags()));
        } else if (action instanceof BulkAction.RemoveTags t) {
            return Messages.text(ctx, "browse.done.tagsRemoved", changed, String.join(", ", t.tags()));
        } else if (action instanceof BulkAction.Forget) {
            return Messages.text(ctx, "browse.done.forgotten", changed);
        }
        return Messages.text(ctx, "browse.done.deleted", changed);
    }

    /** The tag list with counts and the forms to rename or delete a tag everywhere. */
    public void tags(Context ctx) {
        renderTags(ctx, null, null);
    }

    /** A rename or delete that cannot be done is said on the tag list, by the tag's form, with nothing changed. */
    private void renderTags(Context ctx, String failedTag, String error) {
        Map<String, Object> model = new HashMap<>();
        BulkEdit.BrowsePage page = bulk.withoutResults(SignedIn.learner(ctx));
        model.put("tags", page.tags());
        model.put("undoable", page.undoable());
        model.put("failedTag", failedTag);
        model.put("tagError", error);
        ctx.render("search/tags.html", model);
    }

    public void renameTag(Context ctx) {
        String tag = Params.formText(ctx, "tag");
        String newName = Params.formText(ctx, "newName");
        try {
            int changed = bulk.renameTag(SignedIn.learner(ctx), tag, newName, Params.formTicked(ctx, "merge"));
            Flash.show(ctx, Messages.text(ctx, "tags.flash.renamed", tag.strip(), newName.strip(), changed));
            ctx.redirect("/tags", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | NotFoundException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderTags(ctx, tag, Messages.problem(ctx, e));
        }
    }

    public void deleteTag(Context ctx) {
        String tag = Params.formText(ctx, "tag");
        try {
            int changed = bulk.deleteTag(SignedIn.learner(ctx), tag);
            Flash.show(ctx, Messages.text(ctx, "tags.flash.deleted", tag.strip(), changed));
            ctx.redirect("/tags", HttpStatus.SEE_OTHER);
        } catch (InvalidInputException | NotFoundException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderTags(ctx, tag, Messages.problem(ctx, e));
        }
    }

    /** GET /api/search?q=&sort=&order=&page=&pageSize= : a page of matches with the browse columns. */
    public void searchApi(Context ctx) {
        View view = View.of(ctx);
        int pageSize = Params.queryInt(ctx, "pageSize", PAGE_SIZE, 1, SearchService.MAX_PAGE_SIZE);
        try {
            SearchResult result = search.search(SignedIn.learner(ctx), view.query(), view.sort(), view.order(),
                    view.page(), pageSize);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("query", result.search().toString());
            json.put("total", result.total());
            json.put("page", result.page());
            json.put("pageSize", result.pageSize());
            json.put("pageCount", result.pageCount());
            json.put("sort", result.sort().key());
            json.put("order", result.order().key());
            json.put("cards", result.rows().stream().map(CardJson::of).toList());
            ctx.json(json);
        } catch (SearchSyntaxException e) {
            syntaxError(ctx, e);
        }
    }

    /** POST /api/cards/bulk {"cardIds": [...] or "query": "...", "action": ..., "flag"/"deckId"/"tags"}. */
    public void bulkApi(Context ctx) {
        JsonBody body = JsonBody.of(ctx);
        String query = body.optionalString("query");
        List<Long> ids = body.optionalLongs("cardIds");
        CardSelection selection = query != null && ids.isEmpty() ? CardSelection.matching(query)
                : query == null ? CardSelection.of(ids) : new CardSelection(ids, query);
        BulkAction action = BulkAction.of(body.optionalString("action"), body.optionalLong("flag"),
                body.optionalLong("deckId"), body.optionalStrings("tags"), body.optionalString("days"));
        try {
            ctx.json(Map.of("changed", bulk.apply(SignedIn.learner(ctx), selection, action)));
        } catch (SearchSyntaxException e) {
            syntaxError(ctx, e);
        }
    }

    /** POST /api/cards/bulk/undo: takes back the last bulk edit; {"undone": action or null, "restored": N}. */
    public void undoApi(Context ctx) {
        Optional<BulkEdit.Undone> undone = bulk.undoLast(SignedIn.learner(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("undone", undone.map(BulkEdit.Undone::action).orElse(null));
        json.put("restored", undone.map(BulkEdit.Undone::restored).orElse(0));
        ctx.json(json);
    }

    private static void syntaxError(Context ctx, SearchSyntaxException e) {
        ctx.status(HttpStatus.BAD_REQUEST);
        // the sentence in the request's language; the code and position let a client explain it its own way
        ctx.json(Map.of("error", Messages.problem(ctx, e), "code", e.code(), "position", e.position()));
    }

    /** A result in the API, with the state named as the rest of the API names it (New, Learning, Review, Relearning). */
    record CardJson(long cardId, String question, String answer, long deckId, String deck, List<String> tags,
                    String state, boolean suspended, boolean buried, int flag, Instant due, Integer intervalDays,
                    Double stability, Double difficulty, Double retrievability, int reviews, int lapses,
                    Instant added, Instant edited, Instant lastReview) {
        static CardJson of(SearchRow r) {
            return new CardJson(r.cardId(), r.question(), r.answer(), r.deckId(), r.deck(), r.tags(),
                    r.state().label(), r.suspended(), r.buried(), r.flag(), r.due(), r.intervalDays(), r.stability(),
                    r.difficulty(), r.retrievability(), r.reviews(), r.lapses(), r.added(), r.edited(),
                    r.lastReview());
        }
    }

    /** One line of the results table, with what the page prints. */
    public record Row(long id, String questionHtml, String answerSnippetHtml, long deckId, String deck,
                      List<String> tags, String state, String stateClass, int flag, String due, String interval,
                      String stability, String difficulty, String retrievability, int reviews, int lapses,
                      String added, String lastReview, String plainQuestion) {
        static Row of(SearchRow r, Highlighter marks, Instant now, ZoneId zone, Locale locale) {
            String state = r.suspended() ? "Suspended" : r.buried() ? "Buried" : r.state().label();
            return new Row(r.cardId(), marks.snippet(r.question(), TextField.QUESTION, 200),
                    marks.snippet(r.answer(), TextField.ANSWER, 120), r.deckId(), r.deck(), r.tags(), state,
                    "state-" + state.toLowerCase(Locale.ROOT), r.flag(),
                    r.due() == null || r.suspended() ? "" : DueFormat.describe(r.due(), now, zone, locale),
                    r.intervalDays() == null ? "" : Messages.text(locale, "interval.days", r.intervalDays().toString()),
                    r.stability() == null ? "" : Messages.text(locale, "interval.days", String.format(Locale.ROOT, "%.1f", r.stability())),
                    r.difficulty() == null ? "" : String.format(Locale.ROOT, "%.0f%%", r.difficulty() * 100),
                    r.retrievability() == null ? "" : String.format(Locale.ROOT, "%.0f%%", r.retrievability() * 100),
                    r.reviews(), r.lapses(), date(r.added(), zone), r.lastReview() == null ? "" : date(r.lastReview(), zone),
                    r.question());
        }

        private static String date(Instant at, ZoneId zone) {
            return LocalDate.ofInstant(at, zone).toString();
        }
    }
}
