package dev.prepdeck.anki.text;

/**
 * Which column (0-based) holds what; null where no column does. A preview page starts from the mapping
 * {@link TextFile#suggested()} and lets the learner change it.
 */
public record ColumnMapping(int question, Integer answer, Integer tags, Integer deck, Integer guid) {

    public ColumnMapping {
        if (question < 0) {
            throw new IllegalArgumentException("the question column must be 0 or more, got " + question);
        }
    }
}
