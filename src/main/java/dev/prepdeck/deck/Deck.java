package dev.prepdeck.deck;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A deck as stored. FSRS settings left null fall back to the FSRS-6 defaults. {@code ownerId}: the learner who made
 * it in the app (null for decks from files); {@code privateDeck}: only its owner sees it.
 */
public record Deck(
        long id,
        String name,
        String description,
        String tags,
        String sourcePath,
        String sourceHash,
        int newPerDay,
        int reviewsPerDay,
        Double desiredRetention,
        Integer maximumInterval,
        String learningSteps,
        String relearningSteps,
        String weights,
        Long ownerId,
        boolean privateDeck) {

    /** What the API and forms call a private deck and a shared one. */
    public static final String PRIVATE = "private";
    public static final String SHARED = "shared";

    /** Sub-deck separator in deck names, as in "ML Interview::Deployment". */
    public static final String SEPARATOR = "::";

    /** {@link #PRIVATE} or {@link #SHARED}. */
    public String visibility() {
        return privateDeck ? PRIVATE : SHARED;
    }

    /**
     * Whether a visibility as typed in a form or sent to the API is {@link #PRIVATE}.
     *
     * @throws InvalidInputException when it is neither private nor shared
     */
    public static boolean isPrivate(String visibility) {
        if (PRIVATE.equals(visibility)) {
            return true;
        }
        if (SHARED.equals(visibility)) {
            return false;
        }
        throw Messages.invalid("visibility", "deck.error.visibilityValue", String.valueOf(visibility));
    }

    public int depth() {
        return name.split(SEPARATOR, -1).length - 1;
    }

    /** Whether {@code other} is this deck or one of its sub-decks (studying a deck includes its sub-decks). */
    public boolean contains(Deck other) {
        return other.name().equals(name) || other.parentNames().contains(name);
    }

    /** The names this deck sits under: each start of its name that ends before a "::" ("A", "A::B" for "A::B::C"). */
    public List<String> parentNames() {
        List<String> parents = new ArrayList<>();
        for (int i = name.indexOf(SEPARATOR); i >= 0; i = name.indexOf(SEPARATOR, i + 1)) {
            parents.add(name.substring(0, i));
        }
        return parents;
    }

    /** The last segment of the name, shown indented under its parent. */
    public String shortName() {
        int cut = name.lastIndexOf(SEPARATOR);
        return cut < 0 ? name : name.substring(cut + SEPARATOR.length());
    }
}
