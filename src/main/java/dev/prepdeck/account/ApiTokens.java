package dev.prepdeck.account;

import dev.prepdeck.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Named tokens for the JSON API, sent as {@code Authorization: Bearer TOKEN}; shown once, kept as a hash. */
public final class ApiTokens {
    /** Marks a prepdeck token, so one pasted somewhere it should not be is easy to recognise and search for. */
    static final String PREFIX = "pdk_";
    static final int MAX_NAME_CHARS = 80;
    /** How often last_used_at is written: a script calling the API in a loop should not write on every call. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final AccountRepository accounts;
    private final Clock clock;
    private final RandomTokens tokens = new RandomTokens();

    ApiTokens(Accounts accounts, Clock clock) {
        this.jdbi = accounts.jdbi();
        this.accounts = accounts.repository();
        this.clock = clock;
    }

    /** A new token for the learner; the returned value is the only time anyone sees it. */
    String create(long learnerId, String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME_CHARS || label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "a token's name is 1 to " + MAX_NAME_CHARS + " characters on one line");
        }
        String token = tokens.next(PREFIX);
        jdbi.useHandle(h -> accounts.insertToken(h, RandomTokens.hash(token), learnerId, label, clock.millis()));
        return token;
    }

    /** Whether the site has accounts, and whose token this is (one query); its last use is noted now and then. */
    AccountRepository.TokenLookup lookup(String token) {
        byte[] hash = token == null || !token.startsWith(PREFIX) ? RandomTokens.NONE : RandomTokens.hash(token);
        AccountRepository.TokenLookup found = jdbi.withHandle(h -> accounts.tokenLookup(h, hash));
        Optional<AccountRepository.TokenOwner> owner = found.owner();
        long now = clock.millis();
        owner.filter(o -> o.lastUsedAt() == null || o.lastUsedAt() < now - TOUCH_AFTER.toMillis())
                .ifPresent(o -> jdbi.useHandle(h -> accounts.touchToken(h, o.tokenId(), now)));
        return found;
    }

    List<TokenInfo> list(long learnerId) {
        return jdbi.withHandle(h -> accounts.tokens(h, learnerId));
    }

    boolean revoke(long learnerId, long tokenId) {
        return jdbi.withHandle(h -> accounts.deleteToken(h, learnerId, tokenId)) > 0;
    }
}
