package dev.prepdeck.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.TestClock;
import dev.prepdeck.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoginThrottleTest {
    @TempDir
    Path tempDir;

    @Test
    void the_wait_doubles_from_thirty_seconds_and_stops_at_fifteen_minutes() {
        assertThat(LoginThrottle.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.backOff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoginThrottle.backOff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LoginThrottle.backOff(6)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.backOff(400)).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void one_address_guessing_many_names_is_held_back_too_and_a_good_password_clears_only_its_name(
            TestDatabase database) {
        TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
        LoginThrottle throttle = new LoginThrottle(database.open(tempDir), new AccountRepository(), clock);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS - 1; i++) {
            throttle.failed("name" + i, "203.0.113.9");
        }
        assertThat(throttle.waitFor("someone", "203.0.113.9")).isZero();
        throttle.failed("last", "203.0.113.9");
        assertThat(throttle.waitFor("someone", "203.0.113.9")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("someone", "198.51.100.7")).as("another address").isZero();

        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_NAME; i++) {
            throttle.failed("Alice", "198.51.100." + i);
        }
        assertThat(throttle.waitFor("alice ", "192.0.2.1")).as("names in any case").isEqualTo(Duration.ofSeconds(30));
        throttle.succeeded("alice");
        assertThat(throttle.waitFor("alice", "192.0.2.1")).isZero();
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("last", "203.0.113.9");
        assertThat(throttle.waitFor("x", "203.0.113.9")).as("a day later the count starts again").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void counts_not_added_to_for_a_day_are_dropped_from_the_database(TestDatabase database) {
        TestClock clock = TestClock.at("2026-03-02T10:00:00Z");
        var jdbi = database.open(tempDir);
        LoginThrottle throttle = new LoginThrottle(jdbi, new AccountRepository(), clock);
        for (int i = 0; i < 50; i++) {
            throttle.failed("name" + i, "203.0.113." + i);
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("someone", "192.0.2.1");
        List<String> kept = jdbi.withHandle(h -> h.createQuery("SELECT subject FROM login_failure ORDER BY subject")
                .mapTo(String.class).list());
        assertThat(kept).containsExactly("address:192.0.2.1", "name:someone");
    }
}
