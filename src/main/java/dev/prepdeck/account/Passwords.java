package dev.prepdeck.account;

import dev.prepdeck.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashing with BCrypt (Spring Security Crypto), and the rules a new password must meet. BCrypt rather than
 * Argon2id: it needs no further library (Argon2 there runs on Bouncy Castle), its cost is one number that is easy to
 * raise, and a memory-hard hash of tens of MiB per sign-in weighs on the small two-core servers this runs on.
 */
final class Passwords {
    /** 2^12 rounds: about a quarter of a second here, slow for guessing, bearable for signing in. */
    static final int COST = 12;
    /** ASVS level 1 asks for 12 characters at least (V2.1.1). */
    static final int MIN_CHARS = 12;
    /** BCrypt reads 72 bytes and no more; a longer password is refused rather than cut without saying. */
    static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    /**
     * Checked against when no account has the name, so an unknown name takes as long as a wrong password; made at the
     * first such sign-in rather than with every app.
     */
    private volatile String decoy;

    Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check, for a name that has no account. */
    void checkDecoy(String password) {
        if (decoy == null) {
            decoy = encoder.encode("no account has this password");
        }
        encoder.matches(password, decoy);
    }

    /**
     * The rules for a new password (whitespace is kept: it is part of the password).
     *
     * @return a message key naming the broken rule, or null when the password is acceptable
     */
    static String problem(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARS) {
            return "account.password.tooShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "account.password.tooLong";
        }
        return null;
    }

    /** @throws InvalidInputException when {@link #problem} finds one, with the English wording for the CLI and API */
    static void check(String password) {
        String problem = problem(password);
        if (problem != null) {
            throw new InvalidInputException("password", problem.equals("account.password.tooShort")
                    ? "a password needs at least " + MIN_CHARS + " characters"
                    : "a password can be at most " + MAX_BYTES + " bytes long (BCrypt reads no further)");
        }
    }
}
