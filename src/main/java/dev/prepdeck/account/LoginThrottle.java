package dev.prepdeck.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows password guessing: after 5 failed sign-ins for one name, or 20 from one address, the next try waits
 * 30 seconds, then twice as long after each further failure, up to 15 minutes. Names without an account are counted
 * the same way, so the lock does not tell which names exist. The counts live in the database, so every app instance
 * of a shared install (issue 18) counts the same tries: a guesser spread over instances gets no extra free ones.
 */
final class LoginThrottle {
    static final int FREE_FAILURES_PER_NAME = 5;
    /** Higher: a household or office shares one address. */
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** A count not added to for this long starts again, and its row is dropped, so guessing cannot fill the table. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);

    private final Jdbi jdbi;
    private final AccountRepository repository;
    private final Clock clock;

    LoginThrottle(Jdbi jdbi, AccountRepository repository, Clock clock) {
        this.jdbi = jdbi;
        this.repository = repository;
        this.clock = clock;
    }

    /** How long a sign-in for this name from this address must wait; zero when it may go ahead. */
    Duration waitFor(String name, String address) {
        long now = clock.millis();
        long until = jdbi.withHandle(h -> repository.failuresWaitUntil(h, nameKey(name), addressKey(address)));
        return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
    }

    void failed(String name, String address) {
        long now = clock.millis();
        long forgetBefore = now - FORGET_AFTER.toMillis();
        jdbi.useTransaction(h -> {
            repository.forgetFailures(h, forgetBefore);
            count(h, nameKey(name), FREE_FAILURES_PER_NAME, now, forgetBefore);
            count(h, addressKey(address), FREE_FAILURES_PER_ADDRESS, now, forgetBefore);
        });
    }

    private void count(Handle h, String subject, int free, long now, long forgetBefore) {
        int count = repository.addFailure(h, subject, now, forgetBefore);
        long wait = count < free ? 0 : backOff(count - free + 1).toMillis();
        repository.holdFailures(h, subject, now + wait);
    }

    /** The wait after the {@code nth} failure from the last free one on: 30 s, 60 s, 120 s ... 15 min. */
    static Duration backOff(int nth) {
        int doublings = Math.min(nth - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** A good password clears the name's count; the address keeps its own, shared with whoever else is there. */
    void succeeded(String name) {
        jdbi.useTransaction(h -> repository.clearFailures(h, nameKey(name)));
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
