package dev.prepdeck.study;

import dev.prepdeck.deck.Deck;
import dev.prepdeck.deck.DeckService;
import dev.prepdeck.fsrs.Rating;
import dev.prepdeck.practice.PracticeService;
import dev.prepdeck.practice.PracticeView;
import dev.prepdeck.review.DeckCounts;
import dev.prepdeck.review.DueFormat;
import dev.prepdeck.review.ReviewService;
import dev.prepdeck.review.StudyCard;
import dev.prepdeck.review.StudyQueue;
import dev.prepdeck.web.FormParams;
import dev.prepdeck.web.MarkdownRenderer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The study page: question, then the answer (a details element, so it works without JavaScript), then the four
 * rating buttons with their next intervals; undo takes the last rating back.
 */
public final class StudyController {
    private final ReviewService reviews;
    private final DeckService decks;
    private final PracticeService practice;
    private final MarkdownRenderer markdown;
    private final Clock clock;

    public StudyController(ReviewService reviews, DeckService decks, PracticeService practice, MarkdownRenderer markdown,
                            Clock clock) {
        this.reviews = reviews;
        this.decks = decks;
        this.practice = practice;
        this.markdown = markdown;
        this.clock = clock;
    }

    public void study(Context ctx) {
        Long deckId = optionalDeck(ctx);
        Deck deck = deckId == null ? null : decks.deck(deckId);
        Optional<StudyCard> card = requestedCard(ctx, deck);
        StudyQueue queue = card.map(StudyQueue::of).orElseGet(() -> reviews.next(deckId));
        Map<String, Object> model = new HashMap<>();
        model.put("deck", deck);
        model.put("deckParam", deckId == null ? "" : deckId.toString());
        model.put("counts", deckId == null ? null : reviews.countsByDeck().getOrDefault(deckId, DeckCounts.NONE));
        model.put("canUndo", reviews.lastReviewedCard().isPresent());
        if (queue.isDone()) {
            model.put("nextDue", queue.nextDue() == null ? null
                    : DueFormat.describe(queue.nextDue(), clock.instant(), reviews.learner().zone()));
            ctx.render("study/done.html", model);
            return;
        }
        StudyCard study = queue.card();
        model.put("card", study.card());
        model.put("cardDeck", study.deck());
        model.put("state", study.schedule().stateName());
        model.put("questionHtml", markdown.toHtml(study.card().question()));
        model.put("answerHtml", markdown.toHtml(study.card().answer()));
        model.put("shownAt", study.shownAt().toEpochMilli());
        // Practice mode asks for a typed, timed answer first; the check page then shows the answer and ratings.
        model.put("practice", practice.practiceOn(study.deck().id()));
        int target = practice.target(study.card().id());
        model.put("target", target);
        model.put("targetTime", PracticeView.clock(target));
        model.put("buttons", List.of(Rating.values()).stream()
                .map(r -> new RatingButton(r.value(), r.label(), study.intervalLabel(r)))
                .toList());
        ctx.render("study/study.html", model);
    }

    /** After an undo the page asks for the card that was taken back, so it is studied again first. */
    private Optional<StudyCard> requestedCard(Context ctx, Deck deck) {
        String param = ctx.queryParam("card");
        if (param == null) {
            return Optional.empty();
        }
        try {
            return reviews.show(Long.parseLong(param))
                    .filter(c -> deck == null || deck.contains(c.deck()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public void rate(Context ctx) {
        long cardId = FormParams.requiredLong(ctx, "cardId");
        Rating rating = FormParams.rating(ctx.formParam("rating"), "rating");
        reviews.rate(cardId, rating, durationMs(ctx));
        ctx.redirect(studyUrl(ctx.formParam("deck"), null), HttpStatus.SEE_OTHER);
    }

    public void undo(Context ctx) {
        Optional<Long> cardId = reviews.undoLast();
        ctx.redirect(studyUrl(ctx.formParam("deck"), cardId.orElse(null)), HttpStatus.SEE_OTHER);
    }

    /** The browser measures time on the card; without JavaScript the page's render time stands in. */
    private long durationMs(Context ctx) {
        String measured = ctx.formParam("durationMs");
        if (measured != null && !measured.isBlank()) {
            try {
                return Math.max(0, Long.parseLong(measured.trim()));
            } catch (NumberFormatException ignored) {
                // fall back to the server's own measure below
            }
        }
        String shownAt = ctx.formParam("shownAt");
        try {
            return shownAt == null ? 0 : Math.max(0, clock.millis() - Long.parseLong(shownAt));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "/study", with the deck being studied and a card to show first when given. */
    public static String studyUrl(String deck, Long cardId) {
        StringBuilder url = new StringBuilder("/study");
        String separator = "?";
        if (deck != null && deck.matches("\\d+")) {
            url.append(separator).append("deck=").append(deck);
            separator = "&";
        }
        if (cardId != null) {
            url.append(separator).append("card=").append(cardId);
        }
        return url.toString();
    }

    private static Long optionalDeck(Context ctx) {
        String deck = ctx.queryParam("deck");
        if (deck == null || deck.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(deck);
        } catch (NumberFormatException e) {
            throw new io.javalin.http.NotFoundResponse("no such deck: " + deck);
        }
    }


    /** A rating button: its key (1–4), its name and the interval it would give. */
    public record RatingButton(int value, String label, String interval) {
    }
}
