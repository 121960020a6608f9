package dev.prepdeck.study;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.search.SearchResult;
import dev.prepdeck.search.SearchRow;
import dev.prepdeck.search.SearchService;
import dev.prepdeck.search.SearchSyntaxException;
import dev.prepdeck.search.SortColumn;
import dev.prepdeck.search.SortOrder;
import dev.prepdeck.web.MarkdownRenderer;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cramming the night before an interview: the cards a search finds, one after another in the order chosen, with
 * the answer a key press away. Nothing is rated or written, so their schedule stays as it was (Anki's filtered
 * deck with rescheduling off). The URL holds the search and the position, so the session survives a reload and
 * ends with a summary.
 */
public final class CramController {
    private static final String SORTS = Arrays.stream(SortColumn.values()).map(SortColumn::key)
            .collect(Collectors.joining(", "));

    private final SearchService search;
    private final MarkdownRenderer markdown;

    public CramController(SearchService search, MarkdownRenderer markdown) {
        this.search = search;
        this.markdown = markdown;
    }

    /** GET /cram?q=&sort=&order=&at= : card number {@code at} (from 1) of the search, or the summary after the last. */
    public void card(Context ctx) {
        String query = Params.queryText(ctx, "q");
        SortColumn sort = Params.queryChoice(ctx, "sort", SortColumn.RETRIEVABILITY, SortColumn::fromKey, SORTS);
        SortOrder order = Params.queryChoice(ctx, "order", SortOrder.ASCENDING, SortOrder::fromKey, "asc or desc");
        int at = Params.queryInt(ctx, "at", 1, 1, Integer.MAX_VALUE);
        Map<String, Object> model = new HashMap<>();
        model.put("query", query);
        model.put("browseUrl", "/browse?q=" + encode(query));
        SearchResult result;
        try {
            result = search.search(SignedIn.learner(ctx), query, sort, order, at, 1);
        } catch (SearchSyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            model.put("queryError", Messages.problem(ctx, e));
            ctx.render("study/cram-done.html", model);
            return;
        }
        model.put("total", result.total());
        if (result.rows().isEmpty()) {
            model.put("seen", Math.min(at - 1, result.total()));
            ctx.render("study/cram-done.html", model);
            return;
        }
        SearchRow card = result.rows().get(0);
        model.put("card", card);
        model.put("at", at);
        model.put("questionHtml", markdown.toHtml(card.question()));
        model.put("answerHtml", markdown.toHtml(card.answer()));
        model.put("nextUrl", "/cram?q=" + encode(query) + "&sort=" + sort.key() + "&order=" + order.key()
                + "&at=" + (at + 1));
        model.put("orderLabel", orderLabel(ctx, sort, order));
        ctx.render("study/cram.html", model);
    }

    private static String orderLabel(Context ctx, SortColumn sort, SortOrder order) {
        if (sort == SortColumn.RETRIEVABILITY && order == SortOrder.ASCENDING) {
            return Messages.text(ctx, "cram.order.weakest");
        }
        return Messages.text(ctx, order == SortOrder.ASCENDING ? "cram.order.ascending" : "cram.order.descending",
                Messages.text(ctx, "sort." + sort.key()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
