package dev.prepdeck.deck;

import java.security.SecureRandom;
import java.util.Set;
import java.util.regex.Pattern;

/** Stable card ids: written into deck files so a card keeps its history through any edit. */
public final class CardIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
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
