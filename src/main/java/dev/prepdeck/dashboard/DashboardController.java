package dev.prepdeck.dashboard;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.StatsService;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The home page: today's work and streak, the interview-date outlook, and every deck nested under its parent with
 * what is due, what is new and a Study button.
 */
public final class DashboardController {
    private final DeckService decks;
    private final ReviewService reviews;
    private final StatsService stats;

    public DashboardController(DeckService decks, ReviewService reviews, StatsService stats) {
        this.decks = decks;
        this.reviews = reviews;
        this.stats = stats;
    }

    public void show(Context ctx) {
        Map<Long, DeckCounts> counts = reviews.countsByDeck();
        List<DeckRow> rows = decks.allDecks().stream()
                .map(d -> DeckRow.of(d, counts.getOrDefault(d.id(), DeckCounts.NONE)))
                .toList();
        int due = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::due).sum();
        int fresh = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::newAvailable).sum();
        int total = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::total).sum();
        Map<String, Object> model = new HashMap<>();
        model.put("decks", rows);
        model.put("due", due);
        model.put("newAvailable", fresh);
        model.put("total", total);
        model.put("today", stats.today(null, counts));
        model.put("plans", stats.interviewPlans());
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
