package dev.prepdeck.search;

import dev.prepdeck.db.Database;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Custom study from any search (a deck is the search {@code deck:"Name"}), as Anki offers it before an exam:
 * "review ahead" (review cards due in the next days, rated for real: FSRS schedules an early review from the days
 * that actually passed) and "study forgotten today" (cards rated Again today). A session is the list of cards
 * found when it starts, in study order, so rating a card never brings it back into the same session; it ends when
 * the list is done.
 */
public final class CustomStudy {
    /** A session holds at most this many cards; a bigger search is cut to the first ones in study order. */
    static final int MAX_CARDS = 2000;

    public enum Mode {
        AHEAD("ahead"), FORGOTTEN("forgotten");

        final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Optional<Mode> fromKey(String key) {
            for (Mode mode : values()) {
                if (mode.key.equals(key)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** A learner's session: its mode and search, its cards in order, and how many are done. */
    public record Session(Mode mode, String query, List<Long> cardIds, int position) {
        public int total() {
            return cardIds.size();
        }

        /** The card to study now, if any is left. */
        public Optional<Long> current() {
            return position < cardIds.size() ? Optional.of(cardIds.get(position)) : Optional.empty();
        }
    }

    private final Jdbi jdbi;
    private final SearchService search;
    private final CustomStudyRepository sessions = new CustomStudyRepository();
    private final Clock clock;

    public CustomStudy(Jdbi jdbi, SearchService search, Clock clock) {
        this.jdbi = jdbi;
        this.search = search;
        this.clock = clock;
    }

    /** The mode named in a form or link. */
    public static Mode mode(String key) {
        return Mode.fromKey(key == null ? "" : key.strip()).orElseThrow(() ->
                Messages.invalid("mode", "customstudy.error.mode"));
    }

    /**
     * Starts the learner's session (replacing one not finished) with the cards of {@code query} the mode takes:
     * review cards due within {@code days} days after today for {@link Mode#AHEAD}, cards rated Again today for
     * {@link Mode#FORGOTTEN}; suspended and buried cards are left out.
     *
     * @throws SearchSyntaxException when the query cannot be parsed
     */
    public Session start(long learnerId, Mode mode, String query, int days) {
        if (mode == Mode.AHEAD && (days < 1 || days > 365)) {
            throw Messages.invalid("days", "customstudy.error.days");
        }
        String base = query == null || query.isBlank() ? "" : "(" + query.strip() + ") ";
        String full = base + (mode == Mode.AHEAD ? "is:review prop:due>=1 prop:due<=" + days : "rated:1:1")
                + " -is:suspended -is:buried";
        return jdbi.inTransaction(h -> {
            List<Long> ids = sessions.inStudyOrder(h, learnerId, search.matchingIds(h, learnerId, full), MAX_CARDS);
            sessions.start(h, learnerId, mode.key(), query == null ? "" : query.strip(), ids, clock.millis());
            return new Session(mode, query == null ? "" : query.strip(), ids, 0);
        });
    }

    public Optional<Session> session(long learnerId) {
        return Database.read(jdbi, h -> session(h, learnerId));
    }

    private Optional<Session> session(Handle h, long learnerId) {
        return sessions.find(h, learnerId).map(r -> new Session(Mode.fromKey(r.mode()).orElseThrow(), r.query(),
                CustomStudyRepository.ids(r.cardIds()), r.position()));
    }

    /**
     * Moves past the current card when it is {@code cardId} (it was rated), and past any card that can no longer be
     * studied (suspended, buried or deleted since the session began).
     *
     * @return the session as it is now
     */
    public Optional<Session> advance(long learnerId, Long ratedCardId) {
        return jdbi.inTransaction(h -> {
            Optional<Session> found = session(h, learnerId);
            if (found.isEmpty()) {
                return found;
            }
            Session s = found.get();
            int position = s.position();
            if (ratedCardId != null && s.current().filter(ratedCardId::equals).isPresent()) {
                position++;
            }
            while (position < s.total() && !sessions.studyable(h, learnerId, s.cardIds().get(position), clock.millis())) {
                position++;
            }
            sessions.moveTo(h, learnerId, position);
            return Optional.of(new Session(s.mode(), s.query(), s.cardIds(), position));
        });
    }

    /**
     * Steps the session back to {@code cardId} after its rating was undone, so the card is asked again in the session
     * rather than in the normal queue. Returns whether the card was one the session had already passed.
     */
    public boolean stepBackTo(long learnerId, long cardId) {
        return jdbi.inTransaction(h -> {
            Optional<Session> found = session(h, learnerId);
            if (found.isEmpty()) {
                return false;
            }
            Session s = found.get();
            int passed = s.cardIds().subList(0, Math.min(s.position(), s.total())).lastIndexOf(cardId);
            if (passed < 0) {
                return false;
            }
            sessions.moveTo(h, learnerId, passed);
            return true;
        });
    }

    /** Ends the learner's session; returns it as it ended, if there was one. */
    public Optional<Session> end(long learnerId) {
        return jdbi.inTransaction(h -> {
            Optional<Session> s = session(h, learnerId);
            sessions.end(h, learnerId);
            return s;
        });
    }
}
