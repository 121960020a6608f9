package dev.prepdeck.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.prepdeck.dashboard.DashboardController;
import dev.prepdeck.deck.DeckApiController;
import dev.prepdeck.deck.DeckController;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.review.ReviewApiController;
import dev.prepdeck.review.ReviewController;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.stats.StatsController;
import dev.prepdeck.stats.StatsService;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The web application: every route in one place, wired to controllers built from the database and a clock. */
public final class App {
    private App() {
    }

    public static Javalin create(Jdbi jdbi, Clock clock) {
        DeckRepository deckRepository = new DeckRepository();
        ReviewRepository reviewRepository = new ReviewRepository();
        DeckService deckService = new DeckService(jdbi, deckRepository, clock);
        ReviewService reviewService = new ReviewService(jdbi, deckRepository, reviewRepository, clock);
        MarkdownRenderer markdown = new MarkdownRenderer();
        StatsService statsService = new StatsService(jdbi, deckRepository, reviewService, clock);

        DashboardController dashboard = new DashboardController(deckService, reviewService, statsService);
        DeckController deckPages = new DeckController(deckService, reviewService, markdown, clock);
        StatsController statsPages = new StatsController(statsService, deckService);
        ReviewController studyPages = new ReviewController(reviewService, deckService, markdown, clock);
        DeckApiController deckApi = new DeckApiController(deckService, reviewService);
        ReviewApiController reviewApi = new ReviewApiController(reviewService);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.fileRenderer(new ThymeleafRenderer());
            config.jsonMapper(new JavalinJackson(jsonMapper(), false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });

            config.routes.before(CsrfProtection::issueToken);
            config.routes.before(CsrfProtection::verifyForm);
            config.routes.before("/api/*", ApiGuard::verify);
            config.routes.before(SecurityHeaders::apply);

            // Pages
            config.routes.get("/", dashboard::show);
            config.routes.get("/decks/new", deckPages::newDeckForm);
            config.routes.post("/decks", deckPages::create);
            config.routes.get("/decks/{deckId}", deckPages::show);
            config.routes.post("/decks/{deckId}/rename", deckPages::rename);
            config.routes.get("/decks/{deckId}/delete", deckPages::confirmDelete);
            config.routes.post("/decks/{deckId}/delete", deckPages::delete);
            config.routes.get("/decks/{deckId}/settings", deckPages::settingsForm);
            config.routes.post("/decks/{deckId}/settings", deckPages::saveSettings);
            config.routes.get("/decks/{deckId}/cards/new", deckPages::newCardForm);
            config.routes.post("/decks/{deckId}/cards", deckPages::createCard);
            config.routes.get("/cards/{cardId}", deckPages::showCard);
            config.routes.get("/cards/{cardId}/edit", deckPages::editCardForm);
            config.routes.post("/cards/{cardId}", deckPages::updateCard);
            config.routes.get("/cards/{cardId}/delete", deckPages::confirmDeleteCard);
            config.routes.post("/cards/{cardId}/delete", deckPages::deleteCard);
            config.routes.post("/preview", deckPages::preview);
            config.routes.get("/study", studyPages::study);
            config.routes.post("/study/rate", studyPages::rate);
            config.routes.post("/study/undo", studyPages::undo);

            // JSON API
            config.routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
            config.routes.get("/api/decks", deckApi::listDecks);
            config.routes.post("/api/decks", deckApi::createDeck);
            config.routes.get("/api/decks/{deckId}/cards", deckApi::listCards);
            config.routes.post("/api/decks/{deckId}/cards", deckApi::createCard);
            config.routes.put("/api/cards/{cardId}", deckApi::updateCard);
            config.routes.delete("/api/cards/{cardId}", deckApi::deleteCard);
            config.routes.get("/api/review/next", reviewApi::next);
            config.routes.post("/api/review", reviewApi::review);
            config.routes.post("/api/review/undo", reviewApi::undo);

            // Statistics
            config.routes.get("/stats", statsPages::page);
            config.routes.get("/stats/reviews-per-day.csv", statsPages::reviewsPerDayCsv);
            config.routes.get("/stats/review-log.csv", statsPages::reviewLogCsv);
            config.routes.get("/api/stats", statsPages::api);

            ErrorPages.register(config);
        });
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
