package dev.prepdeck.account;

import dev.prepdeck.review.Learner;
import dev.prepdeck.settings.Settings;
import dev.prepdeck.settings.SettingsRepository;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for accounts, their browser sessions and API tokens; every method runs on the caller's handle. */
final class AccountRepository {
    /**
     * The two queries every request starts with (browser or API), written out once: assembling the settings columns
     * anew per request was a measurable share of a small API request's time (BENCHMARKS.md, pipe19).
     */
    private static final String SESSION_LOOKUP = credentialLookup("account_session",
            "k.id AS id, k.created_at AS created_at, k.last_seen_at AS last_seen_at");
    private static final String TOKEN_LOOKUP = credentialLookup("api_token", "k.id AS id, k.last_used_at AS last_used_at");

    /**
     * Whether accounts exist, the enabled account a credential of {@code table} (alias k) with the bound hash belongs
     * to, and the settings of whom the request acts for, in one row.
     */
    private static String credentialLookup(String table, String credentialColumns) {
        return """
                SELECT EXISTS (SELECT 1 FROM account) AS accounts_on, %s, a.learner_id AS learner_id, a.name AS name,
                       a.admin AS admin, %s
                FROM (SELECT 1) AS one_row LEFT JOIN (%s k JOIN account a
                                           ON a.learner_id = k.learner_id AND a.disabled = 0)
                                ON k.token_hash = :hash
                     LEFT JOIN learner l ON l.id = COALESCE(a.learner_id, :local)""".formatted(
                credentialColumns, SettingsRepository.columnsOf("l"), table);
    }

    private static final String ACCOUNT_COLUMNS = "learner_id, name, admin, disabled, created_at";

    boolean anyAccount(Handle h) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM account)").mapTo(Boolean.class).one();
    }

    Optional<Account> byName(Handle h, String name) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE lower(name) = lower(:name)")
                .bind("name", name).mapTo(Account.class).findOne();
    }

    Optional<Account> byId(Handle h, long learnerId) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account WHERE learner_id = :id")
                .bind("id", learnerId).mapTo(Account.class).findOne();
    }

    Optional<String> passwordHash(Handle h, long learnerId) {
        return h.createQuery("SELECT password_hash FROM account WHERE learner_id = :id")
                .bind("id", learnerId).mapTo(String.class).findOne();
    }

    /** Name and hash of an account that may sign in, for checking a password. */
    Optional<Credentials> credentials(Handle h, String name) {
        return h.createQuery(
                        "SELECT learner_id, password_hash FROM account WHERE lower(name) = lower(:name) AND disabled = 0")
                .bind("name", name)
                .map((rs, ctx) -> new Credentials(rs.getLong("learner_id"), rs.getString("password_hash")))
                .findOne();
    }

    record Credentials(long learnerId, String passwordHash) {
    }

    List<Account> all(Handle h) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM account ORDER BY lower(name)")
                .mapTo(Account.class).list();
    }

    /**
     * A learner for a new account: the first account takes over the local learner (id 1), with the progress made
     * before there were accounts; later ones start afresh.
     */
    long newLearner(Handle h, String name, long now) {
        if (!anyAccount(h)) {
            h.createUpdate("UPDATE learner SET name = :name WHERE id = 1").bind("name", "account:" + name).execute();
            return 1;
        }
        return h.createUpdate("INSERT INTO learner (name, created_at) VALUES (:name, :now)")
                .bind("name", "account:" + name).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void insertAccount(Handle h, long learnerId, String name, String passwordHash, boolean admin, long now) {
        h.createUpdate("""
                        INSERT INTO account (learner_id, name, password_hash, admin, created_at)
                        VALUES (:learnerId, :name, :hash, :admin, :now)""")
                .bind("learnerId", learnerId).bind("name", name).bind("hash", passwordHash).bind("admin", admin)
                .bind("now", now).execute();
    }

    void setPassword(Handle h, long learnerId, String passwordHash) {
        h.createUpdate("UPDATE account SET password_hash = :hash WHERE learner_id = :id")
                .bind("hash", passwordHash).bind("id", learnerId).execute();
    }

    void setDisabled(Handle h, long learnerId, boolean disabled) {
        h.createUpdate("UPDATE account SET disabled = :disabled WHERE learner_id = :id")
                .bind("disabled", disabled).bind("id", learnerId).execute();
    }

    // Sessions

    void insertSession(Handle h, byte[] tokenHash, long learnerId, long now, String userAgent, String address) {
        h.createUpdate("""
                        INSERT INTO account_session (token_hash, learner_id, created_at, last_seen_at, user_agent, address)
                        VALUES (:hash, :learnerId, :now, :now, :agent, :address)""")
                .bind("hash", tokenHash).bind("learnerId", learnerId).bind("now", now)
                .bind("agent", userAgent).bind("address", address).execute();
    }

    /**
     * The one read a browser's request starts with: whether any account exists (none: the local site without a
     * login; asked on every request, so an account added by another process counts at once) and the session of an
     * enabled account whose cookie token has this hash, if any.
     */
    SessionLookup sessionLookup(Handle h, byte[] tokenHash) {
        return h.createQuery(SESSION_LOOKUP)
                .bind("hash", tokenHash).bind("local", Learner.DEFAULT_ID)
                .map((rs, ctx) -> new SessionLookup(rs.getBoolean("accounts_on"), rs.getObject("id") == null
                        ? Optional.empty()
                        : Optional.of(new LiveSession(rs.getLong("id"), rs.getLong("created_at"),
                                rs.getLong("last_seen_at"), rs.getLong("learner_id"), rs.getString("name"),
                                rs.getBoolean("admin"))), SettingsRepository.fromRow(rs)))
                .one();
    }

    /**
     * Whether the site has accounts, the session a request's cookie names, and the settings of whom the request acts
     * for: the session's learner, or the local learner when no session matched (what the local site acts for).
     */
    record SessionLookup(boolean accountsOn, Optional<LiveSession> session, Settings settings) {
    }

    record LiveSession(long id, long createdAt, long lastSeenAt, long learnerId, String name, boolean admin) {
    }

    void touchSession(Handle h, long sessionId, long now) {
        h.createUpdate("UPDATE account_session SET last_seen_at = :now WHERE id = :id")
                .bind("now", now).bind("id", sessionId).execute();
    }

    List<SessionInfo> sessions(Handle h, long learnerId, long currentSessionId) {
        return h.createQuery("""
                        SELECT id, created_at, last_seen_at, user_agent, address FROM account_session
                        WHERE learner_id = :learnerId ORDER BY last_seen_at DESC""")
                .bind("learnerId", learnerId)
                .map((rs, ctx) -> new SessionInfo(rs.getLong("id"), rs.getLong("created_at"), rs.getLong("last_seen_at"),
                        rs.getString("user_agent"), rs.getString("address"), rs.getLong("id") == currentSessionId))
                .list();
    }

    /** Ends one of the learner's sessions; another learner's session id changes nothing. */
    int deleteSession(Handle h, long learnerId, long sessionId) {
        return h.createUpdate("DELETE FROM account_session WHERE id = :id AND learner_id = :learnerId")
                .bind("id", sessionId).bind("learnerId", learnerId).execute();
    }

    void deleteSessionByHash(Handle h, byte[] tokenHash) {
        h.createUpdate("DELETE FROM account_session WHERE token_hash = :hash").bind("hash", tokenHash).execute();
    }

    /** Ends every session of the learner but {@code keepSessionId} (-1: all). */
    int deleteSessions(Handle h, long learnerId, long keepSessionId) {
        return h.createUpdate("DELETE FROM account_session WHERE learner_id = :learnerId AND id <> :keep")
                .bind("learnerId", learnerId).bind("keep", keepSessionId).execute();
    }

    void deleteExpiredSessions(Handle h, long idleBefore, long createdBefore) {
        h.createUpdate("DELETE FROM account_session WHERE last_seen_at < :idle OR created_at < :created")
                .bind("idle", idleBefore).bind("created", createdBefore).execute();
    }

    // API tokens

    long insertToken(Handle h, byte[] tokenHash, long learnerId, String name, long now) {
        return h.createUpdate("""
                        INSERT INTO api_token (token_hash, learner_id, name, created_at) VALUES (:hash, :learnerId, :name, :now)""")
                .bind("hash", tokenHash).bind("learnerId", learnerId).bind("name", name).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** As {@link #sessionLookup} for an API request with a bearer token: whether accounts exist, and whose token. */
    TokenLookup tokenLookup(Handle h, byte[] tokenHash) {
        return h.createQuery(TOKEN_LOOKUP)
                .bind("hash", tokenHash).bind("local", Learner.DEFAULT_ID)
                .map((rs, ctx) -> new TokenLookup(rs.getBoolean("accounts_on"), rs.getObject("id") == null
                        ? Optional.empty()
                        : Optional.of(new TokenOwner(rs.getLong("id"), (Long) rs.getObject("last_used_at"),
                                rs.getLong("learner_id"), rs.getString("name"), rs.getBoolean("admin"))),
                        SettingsRepository.fromRow(rs)))
                .one();
    }

    /** Whether the site has accounts, whose token a request's bearer token is, and their settings (as SessionLookup). */
    record TokenLookup(boolean accountsOn, Optional<TokenOwner> owner, Settings settings) {
    }

    record TokenOwner(long tokenId, Long lastUsedAt, long learnerId, String name, boolean admin) {
    }

    void touchToken(Handle h, long tokenId, long now) {
        h.createUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id").bind("now", now).bind("id", tokenId)
                .execute();
    }

    List<TokenInfo> tokens(Handle h, long learnerId) {
        return h.createQuery("""
                        SELECT id, name, created_at, last_used_at FROM api_token WHERE learner_id = :learnerId
                        ORDER BY created_at DESC, id DESC""")
                .bind("learnerId", learnerId)
                .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getLong("created_at"),
                        (Long) rs.getObject("last_used_at")))
                .list();
    }

    /** Revokes one of the learner's tokens; another learner's token id changes nothing. */
    int deleteToken(Handle h, long learnerId, long tokenId) {
        return h.createUpdate("DELETE FROM api_token WHERE id = :id AND learner_id = :learnerId")
                .bind("id", tokenId).bind("learnerId", learnerId).execute();
    }

    void deleteTokens(Handle h, long learnerId) {
        h.createUpdate("DELETE FROM api_token WHERE learner_id = :learnerId").bind("learnerId", learnerId).execute();
    }

    /** The latest moment either subject's sign-ins are held back until (epoch ms); 0 when neither failed. */
    long failuresWaitUntil(Handle h, String nameSubject, String addressSubject) {
        return h.createQuery("""
                        SELECT COALESCE(MAX(wait_until), 0) FROM login_failure
                        WHERE subject IN (:name, :address)""")
                .bind("name", nameSubject).bind("address", addressSubject).mapTo(Long.class).one();
    }

    /**
     * Counts one more failed sign-in for a subject, from 1 again when its last failure was before
     * {@code forgetBefore}; one statement, so two instances counting at once both count.
     *
     * @return the subject's failures now
     */
    int addFailure(Handle h, String subject, long now, long forgetBefore) {
        return h.createQuery("""
                        INSERT INTO login_failure (subject, failures, last_at, wait_until) VALUES (:subject, 1, :now, 0)
                        ON CONFLICT (subject) DO UPDATE SET
                            failures = CASE WHEN login_failure.last_at < :forgetBefore THEN 1
                                            ELSE login_failure.failures + 1 END,
                            last_at = :now
                        RETURNING failures""")
                .bind("subject", subject).bind("now", now).bind("forgetBefore", forgetBefore)
                .mapTo(Integer.class).one();
    }

    void holdFailures(Handle h, String subject, long until) {
        h.createUpdate("UPDATE login_failure SET wait_until = :until WHERE subject = :subject")
                .bind("subject", subject).bind("until", until).execute();
    }

    void clearFailures(Handle h, String subject) {
        h.createUpdate("DELETE FROM login_failure WHERE subject = :subject").bind("subject", subject).execute();
    }

    /** Drops the counts of subjects that last failed before {@code before}. */
    void forgetFailures(Handle h, long before) {
        h.createUpdate("DELETE FROM login_failure WHERE last_at < :before").bind("before", before).execute();
    }
}
