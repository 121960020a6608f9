package dev.prepdeck.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after 5 failed sign-ins for one name, or 20 from one address, the next try waits
 * 30 seconds, then twice as long after each further failure, up to 15 minutes. Names without an account are counted
 * the same way, so the lock does not tell which names exist. Kept in memory: a restart forgets, which only gives a
 * guesser the few free tries again.
 */
final class LoginThrottle {
    static final int FREE_FAILURES_PER_NAME = 5;
    /** Higher: a household or office shares one address. */
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** Past this many names and addresses, the ones not seen for a day are dropped, so guessing cannot fill memory. */
    static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, long lastAtMs, long waitUntilMs) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in for this name from this address must wait; zero when it may go ahead. */
    Duration waitFor(String name, String address) {
        long now = clock.millis();
        long until = Math.max(waitUntil(nameKey(name)), waitUntil(addressKey(address)));
        return until > now ? Duration.ofMillis(until - now) : Duration.ZERO;
    }

    private long waitUntil(String key) {
        Failures f = failures.get(key);
        return f == null ? 0 : f.waitUntilMs();
    }

    void failed(String name, String address) {
        long now = clock.millis();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.lastAtMs() < now - FORGET_AFTER.toMillis());
        }
        count(nameKey(name), FREE_FAILURES_PER_NAME, now);
        count(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
    }

    private void count(String key, int free, long now) {
        failures.compute(key, (k, f) -> {
            int count = f == null || f.lastAtMs() < now - FORGET_AFTER.toMillis() ? 1 : f.count() + 1;
            long wait = count < free ? 0 : backOff(count - free + 1).toMillis();
            return new Failures(count, now, now + wait);
        });
    }

    /** The wait after the {@code nth} failure from the last free one on: 30 s, 60 s, 120 s ... 15 min. */
    static Duration backOff(int nth) {
        int doublings = Math.min(nth - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** A good password clears the name's count; the address keeps its own, shared with whoever else is there. */
    void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
