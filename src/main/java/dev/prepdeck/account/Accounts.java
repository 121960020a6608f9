package dev.prepdeck.account;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.review.ReviewRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * The accounts: adding one (the first is the admin), checking a password, changing, resetting and disabling.
 * Whether any account exists decides the site's mode: none means the single local learner without a login.
 */
public final class Accounts {
    /** Letters, digits and . _ - ; what a person types on a phone's keyboard without hunting. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,40}");

    private final Jdbi jdbi;
    private final AccountRepository accounts;
    private final ReviewRepository reviews;
    private final Passwords passwords;
    private final Clock clock;

    public Accounts(Jdbi jdbi, ReviewRepository reviews, Clock clock) {
        this(jdbi, reviews, clock, Passwords.COST);
    }

    /** With a BCrypt cost of {@code cost} (tests use the minimum, 4, to stay quick). */
    public Accounts(Jdbi jdbi, ReviewRepository reviews, Clock clock, int cost) {
        this.jdbi = jdbi;
        this.accounts = new AccountRepository();
        this.reviews = reviews;
        this.passwords = new Passwords(cost);
        this.clock = clock;
    }

    AccountRepository repository() {
        return accounts;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** True once an account exists: from then on every page but the login asks who you are. */
    public boolean any() {
        return jdbi.withHandle(accounts::anyAccount);
    }

    /**
     * Adds an account with its own learner; the first one is the admin and keeps the progress made before.
     *
     * @throws InvalidInputException when the name is taken or not a name, or the password breaks a rule
     */
    public Account add(String name, String password) {
        String checked = checkedName(name);
        Passwords.check(password);
        String hash = passwords.hash(password);
        long now = clock.millis();
        Account added = jdbi.inTransaction(h -> {
            if (accounts.byName(h, checked).isPresent()) {
                throw new InvalidInputException("name", "there is already an account named " + checked);
            }
            boolean first = !accounts.anyAccount(h);
            long learnerId = accounts.newLearner(h, checked, now);
            if (learnerId != 1) {
                reviews.startLearner(h, learnerId, now);
            }
            accounts.insertAccount(h, learnerId, checked, hash, first, now);
            return accounts.byId(h, learnerId).orElseThrow();
        });
        return added;
    }

    static String checkedName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new InvalidInputException("name", "an account name is 1 to 40 letters, digits, dots, dashes or"
                    + " underscores, e.g. alice or li.wei");
        }
        return stripped;
    }

    public List<Account> list() {
        return jdbi.withHandle(accounts::all);
    }

    public Account byName(String name) {
        return jdbi.withHandle(h -> accounts.byName(h, name)).orElseThrow(() -> NotFoundException.named("account", name));
    }

    /**
     * The account whose name and password these are, if it may sign in. An unknown name costs the same hashing as a
     * wrong password, so the time taken does not tell which it was.
     */
    Optional<Account> authenticate(String name, String password) {
        Optional<AccountRepository.Credentials> found = name == null ? Optional.empty()
                : jdbi.withHandle(h -> accounts.credentials(h, name.strip()));
        String given = password == null ? "" : password;
        if (found.isEmpty()) {
            passwords.checkDecoy(given);
            return Optional.empty();
        }
        if (!passwords.matches(given, found.get().passwordHash())) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> accounts.byId(h, found.get().learnerId()));
    }

    /**
     * Changes the learner's own password after checking the current one; every other session of theirs ends.
     *
     * @return false when {@code current} is wrong (nothing changes)
     */
    boolean changePassword(long learnerId, String current, String replacement, long keepSessionId) {
        Passwords.check(replacement);
        String stored = jdbi.withHandle(h -> accounts.passwordHash(h, learnerId)).orElseThrow();
        if (!passwords.matches(current == null ? "" : current, stored)) {
            return false;
        }
        String hash = passwords.hash(replacement);
        jdbi.useTransaction(h -> {
            accounts.setPassword(h, learnerId, hash);
            accounts.deleteSessions(h, learnerId, keepSessionId);
        });
        return true;
    }

    /** An admin's reset: a new password, and every session and token of the account ends. */
    public void resetPassword(long learnerId, String password) {
        Passwords.check(password);
        String hash = passwords.hash(password);
        jdbi.useTransaction(h -> {
            accounts.byId(h, learnerId).orElseThrow(() -> new NotFoundException("account", learnerId));
            accounts.setPassword(h, learnerId, hash);
            accounts.deleteSessions(h, learnerId, -1);
            accounts.deleteTokens(h, learnerId);
        });
    }

    /**
     * Disables an account (it can no longer sign in; its sessions and tokens end) or enables it again. The last admin
     * who can sign in is never disabled, so someone can always manage the accounts.
     */
    public void setDisabled(long learnerId, boolean disabled) {
        jdbi.useTransaction(h -> {
            Account account = accounts.byId(h, learnerId).orElseThrow(() -> new NotFoundException("account", learnerId));
            if (disabled && account.admin() && accounts.all(h).stream()
                    .noneMatch(a -> a.admin() && !a.disabled() && a.learnerId() != learnerId)) {
                throw new InvalidInputException("account", account.name() + " is the only admin who can sign in,"
                        + " so it stays enabled");
            }
            accounts.setDisabled(h, learnerId, disabled);
            if (disabled) {
                accounts.deleteSessions(h, learnerId, -1);
                accounts.deleteTokens(h, learnerId);
            }
        });
    }
}
