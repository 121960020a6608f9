package dev.prepdeck.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers. The cookie holds a random token; the database holds its hash, when it began and when it was
 * last used. A session ends after {@link #IDLE} without use, after {@link #LONGEST} whatever, at logout, or when
 * its owner signs out everywhere.
 */
public final class Sessions {
    static final Duration IDLE = Duration.ofDays(14);
    static final Duration LONGEST = Duration.ofDays(30);
    /** last_seen_at is written at most this often, so browsing is not a database write per page. */
    static final Duration TOUCH_AFTER = Duration.ofMinutes(5);

    private final Jdbi jdbi;
    private final AccountRepository accounts;
    private final Clock clock;
    private final RandomTokens tokens = new RandomTokens();

    Sessions(Accounts accounts, Clock clock) {
        this.jdbi = accounts.jdbi();
        this.accounts = accounts.repository();
        this.clock = clock;
    }

    /** Begins a session for the learner and returns the cookie's value, which is stored nowhere else. */
    String start(long learnerId, String userAgent, String address) {
        String token = tokens.next("");
        long now = clock.millis();
        String agent = userAgent == null ? "" : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent;
        jdbi.useTransaction(h -> {
            accounts.deleteExpiredSessions(h, now - IDLE.toMillis(), now - LONGEST.toMillis());
            accounts.insertSession(h, RandomTokens.hash(token), learnerId, now, agent, address);
        });
        return token;
    }

    /**
     * Whether the site has accounts, the live session this cookie value (null: none) names, and the settings of whom
     * the request acts for; one query. A session past its time is ended on the way.
     */
    AccountRepository.SessionLookup lookup(String token) {
        byte[] hash = token == null || token.isEmpty() ? RandomTokens.NONE : RandomTokens.hash(token);
        long now = clock.millis();
        AccountRepository.SessionLookup found = jdbi.withHandle(h -> accounts.sessionLookup(h, hash));
        if (found.session().isEmpty()) {
            return found;
        }
        AccountRepository.LiveSession session = found.session().get();
        if (session.lastSeenAt() < now - IDLE.toMillis() || session.createdAt() < now - LONGEST.toMillis()) {
            jdbi.useHandle(h -> accounts.deleteSessionByHash(h, hash));
            return new AccountRepository.SessionLookup(true, Optional.empty(), found.settings());
        }
        if (session.lastSeenAt() < now - TOUCH_AFTER.toMillis()) {
            jdbi.useHandle(h -> accounts.touchSession(h, session.id(), now));
        }
        return found;
    }

    void end(String token) {
        if (token != null && !token.isEmpty()) {
            jdbi.useHandle(h -> accounts.deleteSessionByHash(h, RandomTokens.hash(token)));
        }
    }

    List<SessionInfo> list(long learnerId, long currentSessionId) {
        return jdbi.withHandle(h -> accounts.sessions(h, learnerId, currentSessionId));
    }

    /** Ends one of the learner's sessions; false when they have none with that id. */
    boolean revoke(long learnerId, long sessionId) {
        return jdbi.withHandle(h -> accounts.deleteSession(h, learnerId, sessionId)) > 0;
    }

    /** Ends every session of the learner's, the one asking too. */
    int revokeAll(long learnerId) {
        return jdbi.withHandle(h -> accounts.deleteSessions(h, learnerId, -1));
    }
}
