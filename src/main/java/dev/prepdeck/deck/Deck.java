package dev.prepdeck.deck;

/** A deck as stored. FSRS settings left null fall back to the FSRS-6 defaults. */
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
        String weights) {

    /** Sub-deck separator in deck names, as in "ML Interview::Deployment". */
    public static final String SEPARATOR = "::";

    public int depth() {
        return name.split(SEPARATOR, -1).length - 1;
    }

    /** Whether {@code other} is this deck or one of its sub-decks (studying a deck includes its sub-decks). */
    public boolean contains(Deck other) {
        return other.name().equals(name) || other.name().startsWith(name + SEPARATOR);
    }

    /** The last segment of the name, shown indented under its parent. */
    public String shortName() {
        int cut = name.lastIndexOf(SEPARATOR);
        return cut < 0 ? name : name.substring(cut + SEPARATOR.length());
    }
}
