package dev.prepdeck.dashboard;

import dev.prepdeck.web.SignedIn;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.review.DeckCounts;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The home page: today's work and streak, the interview-date outlook, and every deck nested under its parent with
 * what is due, what is new and a Study button.
 */
public final class DashboardController {
    private final DashboardService dashboards;

    public DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    public void show(Context ctx) {
        DashboardService.Dashboard dashboard = dashboards.dashboard(SignedIn.learner(ctx));
        List<DeckRow> rows = dashboard.decks().stream()
                .map(d -> DeckRow.of(d, dashboard.counts().getOrDefault(d.id(), DeckCounts.NONE)))
                .toList();
        List<DeckRow> topLevel = rows.stream().filter(r -> r.depth() == 0).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("decks", rows);
        model.put("due", topLevel.stream().mapToInt(DeckRow::due).sum());
        model.put("newAvailable", topLevel.stream().mapToInt(DeckRow::newAvailable).sum());
        model.put("total", topLevel.stream().mapToInt(DeckRow::total).sum());
        model.put("today", dashboard.today());
        model.put("plans", dashboard.plans());
        ctx.render("dashboard/index.html", model);
    }

    /** One line of the deck list. */
    public record DeckRow(long id, String name, String shortName, int depth, int due, int newAvailable, int total) {
        static DeckRow of(Deck deck, DeckCounts counts) {
            return new DeckRow(deck.id(), deck.name(), deck.shortName(), deck.depth(), counts.due(),
                    counts.newAvailable(), counts.total());
        }
    }
}
