package dev.prepdeck.dashboard;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.ReviewService;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The home page: every deck, nested under its parent, with what is due, what is new and a Study button. */
public final class DashboardController {
    private final DeckService decks;
    private final ReviewService reviews;

    public DashboardController(DeckService decks, ReviewService reviews) {
        this.decks = decks;
        this.reviews = reviews;
    }

    public void show(Context ctx) {
        Map<Long, DeckCounts> counts = reviews.countsByDeck();
        List<DeckRow> rows = decks.allDecks().stream()
                .map(d -> DeckRow.of(d, counts.getOrDefault(d.id(), DeckCounts.NONE)))
                .toList();
        int due = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::due).sum();
        int fresh = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::newAvailable).sum();
        int total = rows.stream().filter(r -> r.depth() == 0).mapToInt(DeckRow::total).sum();
        ctx.render("dashboard/index.html", Map.of("decks", rows, "due", due, "newAvailable", fresh, "total", total));
    }

    /** One line of the deck list. */
    public record DeckRow(long id, String name, String shortName, int depth, int due, int newAvailable, int total) {
        static DeckRow of(Deck deck, DeckCounts counts) {
            return new DeckRow(deck.id(), deck.name(), deck.shortName(), deck.depth(), counts.due(),
                    counts.newAvailable(), counts.total());
        }
    }
}
