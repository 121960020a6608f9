package dev.prepdeck.practice;

import dev.prepdeck.deck.Card;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an answer should take: the card's own "target" (as in {@code <!-- target: 120s -->}), else the
 * deck's practice target, else derived from the model answer's length at a calm speaking pace.
 */
public final class TargetTime {
    static final int SHORTEST = 20;
    static final int LONGEST = 180;
    /** About 65 words a minute: slower than reading aloud, because the answer is being recalled. */
    static final double SECONDS_PER_WORD = 0.9;
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s(?:ec)?)?");
    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}\\p{Nd}]+");

    private TargetTime() {
    }

    public static int of(Card card, Integer deckTargetSeconds) {
        Optional<Integer> own = parse(card.metaMap().get("target"));
        if (own.isPresent()) {
            return own.get();
        }
        if (deckTargetSeconds != null) {
            return deckTargetSeconds;
        }
        return derived(card.answer());
    }

    /** "120s", "2m", "1m30s", "90" (seconds); empty when the text is none of these or not 1 s to 1 hour. */
    public static Optional<Integer> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+")) {
            return inRange(Long.parseLong(t));
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            return Optional.empty();
        }
        long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return inRange(minutes * 60 + seconds);
    }

    private static Optional<Integer> inRange(long seconds) {
        return seconds >= 1 && seconds <= 3600 ? Optional.of((int) seconds) : Optional.empty();
    }

    /** 0.9 s per word (two Chinese characters count as a word), between 20 s and 180 s, in steps of 5 s. */
    public static int derived(String answer) {
        String text = answer == null ? "" : answer;
        long words = LATIN_WORD.matcher(text).results().count();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        double seconds = (words + han / 2.0) * SECONDS_PER_WORD;
        int rounded = (int) Math.round(seconds / 5) * 5;
        return Math.max(SHORTEST, Math.min(LONGEST, rounded));
    }
}
