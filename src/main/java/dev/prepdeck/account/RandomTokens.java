package dev.prepdeck.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Session cookies and API tokens: 256 random bits, of which the database keeps only the SHA-256. A fast hash is
 * enough here (unlike for passwords): nobody can guess 256 random bits, however fast they try.
 */
final class RandomTokens {
    private final SecureRandom random = new SecureRandom();

    /** What a lookup without a token matches: no stored hash, since every one is 32 bytes long. */
    static final byte[] NONE = new byte[0];

    String next(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
