package dev.prepdeck.deck;

import java.security.SecureRandom;
import java.util.Set;

/** Stable card ids: written into deck files so a card keeps its history through any edit. */
public final class CardIds {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardIds() {
    }

    /** A new random id not in {@code taken}. */
    public static String fresh(Set<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder("c-");
            for (int i = 0; i < 8; i++) {
                id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
            if (!taken.contains(id.toString())) {
                return id.toString();
            }
        }
    }
}
