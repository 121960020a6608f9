package dev.prepdeck.deck;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFile;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFileWriter;
import dev.prepdeck.deck.file.DeckFormatException;
import dev.prepdeck.deck.file.DeckTextException;
import dev.prepdeck.deck.file.DeckText;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.Notice;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.web.Messages;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Creating, renaming and deleting decks, and adding, editing and deleting cards, from the browser or the API. */
public final class DeckService {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_QUESTION_LENGTH = 1_000;
    static final int MAX_ANSWER_LENGTH = 100_000;

    private final Jdbi jdbi;
    private final DeckRepository decks;
    private final Clock clock;

    public DeckService(Jdbi jdbi, DeckRepository decks, Clock clock) {
        this.jdbi = jdbi;
        this.decks = decks;
        this.clock = clock;
    }

    /** The decks the learner sees: shared ones and their own private ones. */
    /** Whether the media file {@code name} is shown only by decks hidden from the learner (private decks). */
    public boolean mediaHiddenFrom(long learnerId, String name) {
        return jdbi.withHandle(h -> decks.mediaOnlyInHiddenDecks(h, learnerId, name));
    }

    public List<Deck> allDecks(long learnerId) {
        return jdbi.withHandle(h -> decks.allDecks(h, learnerId));
    }

    /** A deck the learner sees; another learner's private deck is not found, as if it did not exist. */
    public Deck deck(long learnerId, long id) {
        return jdbi.withHandle(h -> decks.deck(h, learnerId, id)).orElseThrow(() -> new NotFoundException("deck", id));
    }

    /** A card the learner sees; a card of another learner's private deck is not found. */
    public Card card(long learnerId, long id) {
        return jdbi.withHandle(h -> decks.card(h, learnerId, id)).orElseThrow(() -> new NotFoundException("card", id));
    }

    public List<Card> cards(long learnerId, long deckId) {
        return jdbi.withHandle(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            return decks.cards(h, deckId);
        });
    }

    /** A new deck the learner owns (shared, or private when made under one of their private decks). */
    public long createDeck(long learnerId, String rawName) {
        String name = validDeckName(rawName);
        return jdbi.inTransaction(h -> {
            if (decks.deckByName(h, name).isPresent()) {
                throw Messages.invalid("name", "deck.error.exists", name);
            }
            return decks.ensureDeckPath(h, name, clock.millis(), learnerId);
        });
    }

    /** Renames a deck; the sub-decks the learner sees move with it ("A::x" becomes "B::x"). */
    public void renameDeck(long learnerId, long deckId, String rawName) {
        String name = validDeckName(rawName);
        jdbi.useTransaction(h -> {
            Deck deck = decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            if (deck.name().equals(name)) {
                return;
            }
            if (name.startsWith(deck.name() + Deck.SEPARATOR)) {
                throw Messages.invalid("name", "deck.error.insideItself");
            }
            List<Deck> moving = decks.tree(h, learnerId).members(deck);
            for (Deck each : moving) {
                String target = name + each.name().substring(deck.name().length());
                if (decks.deckByName(h, target).isPresent()) {
                    throw Messages.invalid("name", "deck.error.exists", target);
                }
            }
            long now = clock.millis();
            decks.renameDecks(h, moving.stream().map(Deck::id).toList(), deck.name(), name, now);
            int cut = name.lastIndexOf(Deck.SEPARATOR);
            if (cut > 0) {
                decks.ensureDeckPath(h, name.substring(0, cut), now, learnerId);
            }
        });
    }

    public DeckRepository.DeletionImpact deletionImpact(long learnerId, long deckId) {
        return jdbi.withHandle(h -> {
            Deck deck = decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            return decks.deletionImpact(h, decks.tree(h, learnerId).scope(deck).deckIds());
        });
    }

    /**
     * Deletes the deck, its sub-decks, their cards and the cards' review history; says what went. A sub-deck private
     * to another learner stays: the learner deleting does not see it.
     */
    public Deletion deleteDeck(long learnerId, long deckId) {
        return jdbi.inTransaction(h -> {
            Deck deck = decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            DeckRepository.DeletionImpact impact = decks.deletionImpact(h, decks.tree(h, learnerId).scope(deck).deckIds());
            for (Deck d : decks.tree(h, learnerId).members(deck)) {
                decks.deleteDeck(h, d.id());
            }
            return new Deletion(deck.name(), impact);
        });
    }

    /** A deleted deck's name and what went with it. */
    public record Deletion(String deckName, DeckRepository.DeletionImpact impact) {
    }

    public void saveSettings(long learnerId, long deckId, DeckSettings settings) {
        saveSettings(learnerId, deckId, settings, interviewDate(deckId));
    }

    /** Saves the settings and the deck's interview date (null: none) together. */
    public void saveSettings(long learnerId, long deckId, DeckSettings settings, java.time.LocalDate interviewDate) {
        saveSettings(learnerId, deckId, settings, interviewDate, null);
    }

    /** As {@link #saveSettings(long, long, DeckSettings, java.time.LocalDate)}, with the leech settings (null: as they are). */
    public void saveSettings(long learnerId, long deckId, DeckSettings settings, java.time.LocalDate interviewDate,
                             LeechSettings leech) {
        DeckSettings valid = settings.validated();
        jdbi.useTransaction(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            decks.updateSettings(h, deckId, valid, clock.millis());
            decks.updateInterviewDate(h, deckId, interviewDate);
            if (leech != null) {
                decks.updateLeechSettings(h, deckId, leech);
            }
        });
    }

    /**
     * Makes the deck private to the learner who made it, or shares it with every learner again; its sub-decks follow.
     * Decks from files stay shared; a deck is made private only when its sub-decks are the learner's too, and shared
     * only when no deck above it is private (a shared name would tell what the private one is called).
     *
     * @return the decks whose visibility changed
     * @throws NotFoundException     when the learner does not see the deck
     * @throws InvalidInputException naming the rule the change breaks
     */
    public int setPrivate(long learnerId, long deckId, boolean privateDeck) {
        return jdbi.inTransaction(h -> {
            Deck deck = decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            if (deck.sourcePath() != null) {
                throw Messages.invalid("visibility", "deck.error.visibilityFile");
            }
            if (deck.ownerId() == null || deck.ownerId() != learnerId) {
                throw Messages.invalid("visibility", "deck.error.visibilityNotOwner");
            }
            DeckTree tree = decks.tree(h, learnerId);
            List<Deck> members = tree.members(deck);
            if (privateDeck) {
                for (Deck member : members) {
                    if (member.ownerId() == null || member.ownerId() != learnerId) {
                        throw Messages.invalid("visibility", "deck.error.visibilitySubDeck", member.name());
                    }
                }
            } else {
                for (String parent : deck.parentNames()) {
                    Optional<Deck> above = decks.deckByName(h, parent);
                    if (above.isPresent() && above.get().privateDeck()) {
                        throw Messages.invalid("visibility", "deck.error.visibilityUnderPrivate", parent);
                    }
                }
            }
            List<Long> own = members.stream()
                    .filter(m -> m.ownerId() != null && m.ownerId() == learnerId).map(Deck::id).toList();
            return decks.setPrivate(h, own, privateDeck, clock.millis());
        });
    }

    public LeechSettings leechSettings(long deckId) {
        return jdbi.withHandle(h -> decks.leechSettings(h, deckId));
    }

    /** The date the user prepares this deck for, if they set one. */
    public java.time.LocalDate interviewDate(long deckId) {
        return jdbi.withHandle(h -> decks.interviewDates(h).get(deckId));
    }

    public long addCard(long learnerId, long deckId, CardInput input) {
        CardInput card = input.validated();
        return jdbi.inTransaction(h -> {
            decks.deck(h, learnerId, deckId).orElseThrow(() -> new NotFoundException("deck", deckId));
            requireUniqueQuestion(h, deckId, card.question(), null);
            HashSet<String> taken = new HashSet<>();
            decks.cards(h, deckId).forEach(c -> taken.add(c.uid()));
            return decks.insertCard(h, deckId, CardIds.fresh(taken), card.question(), card.answer(),
                    Card.joinTags(card.tags()), "", decks.nextPosition(h, deckId), clock.millis());
        });
    }

    public void updateCard(long learnerId, long cardId, CardInput input) {
        CardInput card = input.validated();
        jdbi.useTransaction(h -> {
            Card stored = decks.card(h, learnerId, cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            requireUniqueQuestion(h, stored.deckId(), card.question(), cardId);
            decks.updateCard(h, new Card(stored.id(), stored.deckId(), stored.uid(), card.question(), card.answer(),
                    Card.joinTags(card.tags()), stored.meta(), stored.position(), stored.removedFromSource()),
                    clock.millis());
        });
    }

    /** Deletes a card with its review history. */
    public void deleteCard(long learnerId, long cardId) {
        jdbi.useTransaction(h -> {
            decks.card(h, learnerId, cardId).orElseThrow(() -> new NotFoundException("card", cardId));
            decks.deleteCard(h, cardId);
        });
    }

    public int reviewCount(long cardId) {
        return jdbi.withHandle(h -> decks.reviewCount(h, cardId));
    }

    private void requireUniqueQuestion(Handle h, long deckId, String question, Long exceptCardId) {
        Optional<Card> same = decks.cards(h, deckId).stream()
                .filter(c -> c.question().equals(question) && (exceptCardId == null || c.id() != exceptCardId))
                .findFirst();
        if (same.isPresent()) {
            throw Messages.invalid("question", "card.error.duplicate");
        }
    }

    static String validDeckName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Messages.invalid("name", "deck.error.empty");
        }
        String name;
        try {
            name = DeckText.deckName(raw);
        } catch (DeckTextException e) {
            throw InvalidInputException.of("name", e.problem());
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Messages.invalid("name", "deck.error.tooLong", MAX_NAME_LENGTH);
        }
        return name;
    }

    /** A card as typed into the form or sent to the API. */
    public record CardInput(String question, String answer, List<String> tags) {
        public CardInput validated() {
            String q = question == null ? "" : question.strip();
            String a = answer == null ? "" : answer.replace("\r\n", "\n").replace('\r', '\n').strip();
            if (q.isEmpty()) {
                throw Messages.invalid("question", "card.error.noQuestion");
            }
            if (q.contains("\n") || q.contains("\r")) {
                throw Messages.invalid("question", "card.error.questionLines");
            }
            visible(q, "question", false);
            if (q.length() > MAX_QUESTION_LENGTH) {
                throw Messages.invalid("question", "card.error.questionTooLong", MAX_QUESTION_LENGTH);
            }
            if (a.isEmpty()) {
                throw Messages.invalid("answer", "card.error.noAnswer");
            }
            if (a.length() > MAX_ANSWER_LENGTH) {
                throw Messages.invalid("answer", "card.error.answerTooLong", MAX_ANSWER_LENGTH);
            }
            visible(a, "answer", true);
            List<String> cleanTags = tags == null ? List.of()
                    : tags.stream().filter(t -> t != null).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
            for (String tag : cleanTags) {
                if (tag.contains(",") || tag.contains("\n")) {
                    throw Messages.invalid("tags", "card.error.tag", tag);
                }
                visible(tag, "tag", false);
            }
            requireFileSafe(q, a);
            return new CardInput(q, a, cleanTags);
        }

        private static void visible(String text, String field, boolean block) {
            Notice what = Notice.of("deckfile.what." + field);
            try {
                if (block) {
                    DeckText.requireBlock(text, what);
                } else {
                    DeckText.requireOneLine(text, what);
                }
            } catch (DeckTextException e) {
                throw InvalidInputException.of(field.equals("tag") ? "tags" : field, e.problem());
            }
        }

        /**
         * Every stored card must read back unchanged from a deck file, or export would not be lossless: the card
         * is written as a file between two others and parsed again.
         */
        private static void requireFileSafe(String question, String answer) {
            CardSource card = new CardSource(null, question, answer, List.of(), Map.of(), 0);
            CardSource next = new CardSource(null, question + " (next)", "x", List.of(), Map.of(), 0);
            CardSource back;
            try {
                String text = new DeckFileWriter().write(new DeckFile("Check", "", List.of(), List.of(card, next)));
                back = new DeckFileParser().parse("check.md", text).cards().get(0);
            } catch (DeckTextException e) {
                throw InvalidInputException.of("answer", e.problem());
            } catch (DeckFormatException e) {
                throw InvalidInputException.of("answer", e.problem());
            }
            if (!back.question().equals(question)) {
                throw Messages.invalid("question", "card.error.questionHashes");
            }
            if (!back.answer().equals(answer)) {
                throw Messages.invalid("answer", "card.error.answerHeading");
            }
        }
    }
}
