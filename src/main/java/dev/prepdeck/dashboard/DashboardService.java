package dev.prepdeck.dashboard;

import dev.prepdeck.db.Database;
import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.StatsService;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** What the home page shows, read in one call and one snapshot. */
public final class DashboardService {
    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final ReviewService reviews;
    private final StatsService stats;

    public DashboardService(Jdbi jdbi, DeckRepository decks, ReviewService reviews, StatsService stats) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.reviews = reviews;
        this.stats = stats;
    }

    public Dashboard dashboard(long learnerId) {
        return Database.read(jdbi, h -> {
            Map<Long, DeckCounts> counts = reviews.countsByDeck(h, learnerId);
            return new Dashboard(decks.allDecks(h, learnerId), counts, stats.today(h, learnerId, counts),
                    stats.interviewPlans(h, learnerId));
        });
    }

    /** Every deck by name with its counts (sub-decks included), today's work, and the interview-date outlook. */
    public record Dashboard(List<Deck> decks, Map<Long, DeckCounts> counts, StatsService.Today today,
                            List<StatsService.InterviewPlan> plans) {
    }
}
