package dev.prepdeck.account;

import static dev.prepdeck.TestSite.json;
import static dev.prepdeck.TestSite.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.App;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestDatabase;
import dev.prepdeck.TestSite;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.practice.TermAnalyzer;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.web.AllowedHosts;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The site with accounts on, through HTTP as browsers and scripts use it: nothing without signing in, each learner's
 * own progress, sessions that cannot be planted, flagged cookies, throttled guessing, revocable tokens.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AccountsSiteTest {
    @Parameter
    TestDatabase database;

    static final String ALICE_PASSWORD = "correct horse battery";
    static final String BOB_PASSWORD = "bob's long passphrase";
    private static final Pattern TOKEN = Pattern.compile("(pdk_[A-Za-z0-9_-]{43})");
    private static final Pattern SESSION_FORM = Pattern.compile("/account/sessions/(\\d+)/revoke");
    private static final Pattern TOKEN_FORM = Pattern.compile("/account/tokens/(\\d+)/revoke");

    @TempDir
    Path tempDir;

    TestCollection collection;
    Accounts accounts;
    long alice;
    long bob;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(database, tempDir, "networking.md", TestData.NETWORKING_DECK);
        // The cheapest BCrypt cost keeps these tests quick; the app checks any cost a hash names.
        accounts = new Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4);
        alice = accounts.add("alice", ALICE_PASSWORD).learnerId();
        bob = accounts.add("bob", BOB_PASSWORD).learnerId();
    }

    private static String setCookie(Response response, String name) {
        List<String> cookies = response.headers().get("Set-Cookie");
        return cookies == null ? null : cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    @Test
    void every_route_refuses_an_anonymous_request_but_the_login_static_files_and_health() {
        collection.site(site -> {
            List<TestSite.Route> routes = site.routes();
            assertThat(routes).as("the router lists the app's routes").hasSizeGreaterThan(60);
            for (TestSite.Route route : routes) {
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(route.method())) {
                    continue;
                }
                String path = route.path().replaceAll("\\{[^}]+}", "1").replace("<file>", "app.css");
                boolean open = path.startsWith("/static/") || path.equals("/login") || path.equals("/api/health");
                Response response;
                if (route.method().equals("POST") && !path.startsWith("/api/")) {
                    response = site.submit(path);
                } else {
                    response = site.send(route.method(), path, route.method().equals("GET") ? null : "{}");
                }
                String what = route.method() + " " + route.path();
                if (open) {
                    assertThat(response.code()).as(what).isNotIn(401, 403);
                } else if (path.startsWith("/api/")) {
                    assertThat(response.code()).as(what).isEqualTo(401);
                    assertThat(json(response).get("error").asText()).as(what).contains("sign in");
                } else {
                    assertThat(response.code()).as(what).isEqualTo(303);
                    assertThat(location(response)).as(what).startsWith("/login");
                }
            }
        });
    }

    @Test
    void a_page_asked_for_before_signing_in_is_where_the_login_goes_afterwards() {
        collection.site(site -> {
            Response refused = site.get("/stats?days=90");
            assertThat(location(refused)).isEqualTo("/login?next=%2Fstats%3Fdays%3D90");
            site.get("/login?next=%2Fstats%3Fdays%3D90");
            Response signedIn = site.submit("/login", "name", "alice", "password", ALICE_PASSWORD,
                    "next", "/stats?days=90");
            assertThat(location(signedIn)).isEqualTo("/stats?days=90");
            assertThat(site.page("/stats?days=90")).contains("Signed in as alice");
            assertThat(AccountController.nextPage("//evil.example/")).isEqualTo("/");
            assertThat(AccountController.nextPage("https://evil.example/")).isEqualTo("/");
            assertThat(AccountController.nextPage("/\\evil.example")).isEqualTo("/");
        });
    }

    @Test
    void one_learner_cannot_read_or_change_another_s_progress_by_id() {
        long dns = collection.cardId("What does DNS do?");
        collection.site(site -> {
            site.login("alice", ALICE_PASSWORD);
            assertThat(site.submit("/study/rate", "cardId", String.valueOf(dns), "rating", "3").code()).isEqualTo(303);
            assertThat(json(site.get("/api/review/next")).path("card").path("id").asLong()).isNotEqualTo(dns);

            TestSite other = site.anotherBrowser();
            other.login("bob", BOB_PASSWORD);
            assertThat(json(other.get("/api/review/next")).path("card").path("id").asLong())
                    .as("Bob's DNS card is still new and first").isEqualTo(dns);
            assertThat(json(other.get("/api/decks/" + collection.deckId("Interview::Networking") + "/cards"))
                    .toString()).doesNotContain("\"reps\":1");
            // Bob's undo has nothing of his to take back: Alice's rating stays.
            assertThat(json(other.send("POST", "/api/review/undo", null)).path("undone").asBoolean()).isFalse();
            assertThat(collection.one("SELECT COUNT(*) FROM review_log WHERE learner_id = " + alice, Integer.class))
                    .isEqualTo(1);
            assertThat(collection.one("SELECT state FROM card_state WHERE learner_id = " + bob + " AND card_id = " + dns,
                    Integer.class)).isZero();
            // Alice's session and token ids mean nothing in Bob's requests.
            long aliceSession = Long.parseLong(first(SESSION_FORM, site.page("/account")));
            assertThat(other.submit("/account/sessions/" + aliceSession + "/revoke").code()).isEqualTo(400);
            assertThat(site.get("/account").code()).isEqualTo(200);
            String aliceToken = first(TOKEN_FORM, site.submit("/account/tokens", "name", "script").body().string());
            assertThat(other.submit("/account/tokens/" + aliceToken + "/revoke").code()).isEqualTo(400);
            assertThat(collection.one("SELECT COUNT(*) FROM api_token", Integer.class)).isEqualTo(1);
        });
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    @Test
    void signing_in_gives_a_new_session_id_so_a_planted_one_is_worthless() {
        collection.site(site -> {
            site.setCookie(AccessControl.SESSION_COOKIE, "planted-by-an-attacker");
            Response login = site.login("alice", ALICE_PASSWORD);
            String issued = site.cookie(AccessControl.SESSION_COOKIE);
            assertThat(issued).isNotEqualTo("planted-by-an-attacker").hasSizeGreaterThan(40);
            assertThat(setCookie(login, "prepdeck_csrf")).as("the CSRF token is renewed too").isNotNull();

            TestSite attacker = site.anotherBrowser();
            attacker.setCookie(AccessControl.SESSION_COOKIE, "planted-by-an-attacker");
            assertThat(attacker.get("/").code()).isEqualTo(303);

            // Signing in again ends the session the browser had: its old id opens nothing.
            site.login("bob", BOB_PASSWORD);
            TestSite stale = site.anotherBrowser();
            stale.setCookie(AccessControl.SESSION_COOKIE, issued);
            assertThat(stale.get("/").code()).isEqualTo(303);
            assertThat(collection.one("SELECT COUNT(*) FROM account_session", Integer.class)).isEqualTo(1);
        });
    }

    @Test
    void the_session_cookie_is_http_only_same_site_lax_and_secure_only_over_https() {
        collection.site(site -> {
            String cookie = setCookie(site.login("alice", ALICE_PASSWORD), AccessControl.SESSION_COOKIE);
            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
            // Without --trust-proxy a forwarded "https" is anyone's word: no Secure flag, no HSTS.
            TestSite forged = site.anotherBrowser().sendingHeader("X-Forwarded-Proto", "https");
            Response login = forged.login("alice", ALICE_PASSWORD);
            assertThat(setCookie(login, AccessControl.SESSION_COOKIE)).doesNotContain("Secure");
            assertThat(login.headers().get("Strict-Transport-Security")).isNull();
        });
        JavalinTest.test(App.create(collection.jdbi(), collection.clock(), AllowedHosts.loopback(),
                TermAnalyzer.shipped(), Backups.of(collection.jdbi(), collection.clock(), ZoneId.systemDefault()), true),
                (server, client) -> {
            TestSite direct = new TestSite(client);
            assertThat(setCookie(direct.login("alice", ALICE_PASSWORD), AccessControl.SESSION_COOKIE))
                    .as("plain HTTP, even with a proxy trusted").doesNotContain("Secure");
            TestSite proxied = new TestSite(client).sendingHeader("X-Forwarded-Proto", "https");
            Response page = proxied.get("/login");
            assertThat(page.headers().get("Strict-Transport-Security")).containsExactly("max-age=31536000");
            assertThat(setCookie(page, "prepdeck_csrf")).contains("Secure");
            String session = setCookie(proxied.login("alice", ALICE_PASSWORD), AccessControl.SESSION_COOKIE);
            assertThat(session).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        });
    }

    @Test
    void failed_sign_ins_say_the_same_for_an_unknown_name_and_then_make_the_guesser_wait() {
        collection.site(site -> {
            Response unknown = site.login("mallory", ALICE_PASSWORD);
            Response wrong = site.login("alice", "not the password");
            assertThat(unknown.code()).isEqualTo(wrong.code()).isEqualTo(422);
            assertThat(errorOf(unknown.body().string())).isEqualTo(errorOf(wrong.body().string()))
                    .isEqualTo("Wrong name or password.");
            for (int i = 2; i <= LoginThrottle.FREE_FAILURES_PER_NAME; i++) {
                assertThat(site.login("alice", "guess " + i).code()).isEqualTo(422);
            }
            Response locked = site.login("alice", ALICE_PASSWORD);
            assertThat(locked.code()).as("even the right password waits").isEqualTo(429);
            assertThat(errorOf(locked.body().string())).contains("Wait 30 seconds");
            assertThat(site.cookie(AccessControl.SESSION_COOKIE)).isNull();

            collection.clock().advance(Duration.ofSeconds(31));
            assertThat(site.login("alice", "one more guess").code()).isEqualTo(422);
            assertThat(errorOf(site.login("alice", ALICE_PASSWORD).body().string())).contains("Wait 60 seconds");
            collection.clock().advance(Duration.ofSeconds(61));
            assertThat(site.login("alice", ALICE_PASSWORD).code()).isEqualTo(303);
        });
    }

    @Test
    void a_guesser_spreading_tries_over_two_app_instances_waits_as_if_it_used_one() {
        // On PostgreSQL a second instance's own pool on the same database; on SQLite the app started again on the file.
        Jdbi otherInstance = database.reopen(collection.jdbi(), tempDir);
        collection.site(first -> TestSite.run(otherInstance, collection.clock(), second -> {
            for (int i = 1; i <= LoginThrottle.FREE_FAILURES_PER_NAME; i++) {
                TestSite site = i % 2 == 0 ? first : second;
                assertThat(site.login("alice", "guess " + i).code()).isEqualTo(422);
            }
            assertThat(first.login("alice", ALICE_PASSWORD).code()).isEqualTo(429);
            assertThat(second.login("alice", ALICE_PASSWORD).code()).as("the other instance counted them too")
                    .isEqualTo(429);
            collection.clock().advance(Duration.ofSeconds(31));
            assertThat(second.login("alice", ALICE_PASSWORD).code()).isEqualTo(303);
            assertThat(first.login("alice", "one guess after a good password").code())
                    .as("the good password cleared the count for both").isEqualTo(422);
        }));
    }

    @Test
    void the_address_login_throttling_counts_comes_from_x_forwarded_for_only_behind_a_trusted_proxy() {
        JavalinTest.test(App.create(collection.jdbi(), collection.clock(), AllowedHosts.loopback(),
                TermAnalyzer.shipped(), Backups.of(collection.jdbi(), collection.clock(), ZoneId.systemDefault()), true),
                (server, client) -> {
            TestSite guesser = new TestSite(client).sendingHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.9");
            for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
                assertThat(guesser.login("name" + i, "guess").code()).isEqualTo(422);
            }
            assertThat(guesser.login("alice", ALICE_PASSWORD).code()).as("the proxy's entry is counted").isEqualTo(429);
            TestSite neighbour = new TestSite(client).sendingHeader("X-Forwarded-For", "203.0.113.10");
            assertThat(neighbour.login("alice", ALICE_PASSWORD).code()).isEqualTo(303);
            assertThat(neighbour.page("/account")).contains("203.0.113.10");
        });
        collection.site(site -> {
            TestSite claimsToBeElsewhere = site.anotherBrowser().sendingHeader("X-Forwarded-For", "203.0.113.77");
            claimsToBeElsewhere.login("bob", BOB_PASSWORD);
            assertThat(claimsToBeElsewhere.page("/account")).as("an untrusted header is ignored")
                    .doesNotContain("203.0.113.77").contains("127.0.0.1");
        });
    }

    private static final Pattern ERROR = Pattern.compile("<p class=\"error\" role=\"alert\">([^<]*)</p>");

    private static String errorOf(String page) {
        Matcher m = ERROR.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void an_api_token_works_as_a_bearer_without_csrf_until_it_is_revoked() {
        collection.site(site -> {
            site.login("alice", ALICE_PASSWORD);
            Response made = site.submit("/account/tokens", "name", "phone script");
            assertThat(made.code()).isEqualTo(201);
            String page = made.body().string();
            String token = first(TOKEN, page);
            assertThat(site.page("/account")).as("shown once").doesNotContain(token).contains("phone script");
            assertThat(collection.one(database == TestDatabase.SQLITE ? "SELECT hex(token_hash) FROM api_token"
                    : "SELECT upper(encode(token_hash, 'hex')) FROM api_token", String.class))
                    .as("only the token's SHA-256 is stored")
                    .isEqualTo(HexFormat.of().withUpperCase().formatHex(RandomTokens.hash(token)));

            TestSite script = site.anotherBrowser();
            String bearer = "Bearer " + token;
            Response next = script.send("GET", "/api/review/next", null, "Authorization", bearer);
            assertThat(next.code()).isEqualTo(200);
            long cardId = json(next).path("card").path("id").asLong();
            Response rated = script.send("POST", "/api/review", "{\"cardId\":" + cardId + ",\"rating\":3}",
                    "Authorization", bearer);
            assertThat(rated.code()).as("a bearer request needs no CSRF token").isEqualTo(200);
            assertThat(collection.one("SELECT learner_id FROM review_log", Long.class)).isEqualTo(alice);

            // A browser session still needs the form's token.
            assertThat(site.submitWithoutToken("/study/rate", "cardId", String.valueOf(cardId), "rating", "3").code())
                    .isEqualTo(403);

            site.submit("/account/tokens/" + first(TOKEN_FORM, site.page("/account")) + "/revoke");
            Response revoked = script.send("GET", "/api/review/next", null, "Authorization", bearer);
            assertThat(revoked.code()).isEqualTo(401);
            assertThat(json(revoked).get("error").asText()).contains("not valid");
            assertThat(script.send("GET", "/api/decks", null, "Authorization", "Bearer pdk_made-up").code()).isEqualTo(401);
        });
    }

    @Test
    void logout_and_sign_out_everywhere_end_sessions_on_the_server_and_idle_sessions_expire() {
        collection.site(site -> {
            site.login("alice", ALICE_PASSWORD);
            String cookie = site.cookie(AccessControl.SESSION_COOKIE);
            site.submit("/logout");
            TestSite replay = site.anotherBrowser();
            replay.setCookie(AccessControl.SESSION_COOKIE, cookie);
            assertThat(replay.get("/").code()).as("a copied cookie dies with the logout").isEqualTo(303);

            TestSite phone = site.anotherBrowser();
            phone.login("alice", ALICE_PASSWORD);
            site.login("alice", ALICE_PASSWORD);
            assertThat(site.page("/account")).contains("(this browser)");
            site.submit("/account/sign-out-everywhere");
            assertThat(phone.get("/").code()).isEqualTo(303);
            assertThat(site.get("/").code()).isEqualTo(303);

            phone.login("alice", ALICE_PASSWORD);
            collection.clock().advance(Sessions.IDLE.minusMinutes(1));
            assertThat(phone.get("/").code()).isEqualTo(200);
            collection.clock().advance(Sessions.IDLE.plusMinutes(1));
            assertThat(phone.get("/").code()).as("idle too long").isEqualTo(303);
        });
    }

    @Test
    void changing_the_password_needs_the_current_one_and_signs_out_the_other_browsers() {
        collection.site(site -> {
            TestSite phone = site.anotherBrowser();
            phone.login("alice", ALICE_PASSWORD);
            site.login("alice", ALICE_PASSWORD);
            Response wrong = site.submit("/account/password", "currentPassword", "nope", "newPassword",
                    "a new long password", "repeatPassword", "a new long password");
            assertThat(wrong.code()).isEqualTo(400);
            assertThat(wrong.body().string()).contains("The current password is not right");
            assertThat(site.submit("/account/password", "currentPassword", ALICE_PASSWORD, "newPassword", "short",
                    "repeatPassword", "short").body().string()).contains("at least 12 characters");

            Response changed = site.submit("/account/password", "currentPassword", ALICE_PASSWORD,
                    "newPassword", "a new long password", "repeatPassword", "a new long password");
            assertThat(changed.code()).isEqualTo(303);
            assertThat(site.page("/account")).contains("Changed your password");
            assertThat(phone.get("/").code()).isEqualTo(303);
            assertThat(phone.login("alice", ALICE_PASSWORD).code()).isEqualTo(422);
            assertThat(phone.login("alice", "a new long password").code()).isEqualTo(303);
        });
    }

    @Test
    void each_account_sees_its_own_language_and_theme_from_its_next_request_on() {
        collection.site(site -> {
            TestSite bobs = site.anotherBrowser();
            bobs.login("bob", BOB_PASSWORD);
            site.login("alice", ALICE_PASSWORD);

            assertThat(site.send("PUT", "/api/settings", "{\"language\": \"zh-CN\", \"theme\": \"dark\"}").code())
                    .isEqualTo(200);

            assertThat(site.page("/")).contains("lang=\"zh-CN\"").contains("data-theme=\"dark\"");
            assertThat(bobs.page("/")).contains("lang=\"en\"").doesNotContain("data-theme=\"dark\"");
            site.send("PUT", "/api/settings", "{\"language\": \"en\"}");
            assertThat(site.page("/")).contains("lang=\"en\"").contains("data-theme=\"dark\"");
        });
    }

    @Test
    void a_disabled_account_is_refused_on_its_very_next_request_with_a_session_or_a_token() {
        collection.site(site -> {
            TestSite bobs = site.anotherBrowser();
            bobs.login("bob", BOB_PASSWORD);
            Matcher made = TOKEN.matcher(bobs.submit("/account/tokens", "name", "script").body().string());
            assertThat(made.find()).isTrue();
            TestSite script = site.anotherBrowser().sendingHeader("Authorization", "Bearer " + made.group(1));
            assertThat(bobs.get("/api/decks").code()).isEqualTo(200);
            assertThat(script.get("/api/decks").code()).isEqualTo(200);

            site.login("alice", ALICE_PASSWORD);
            assertThat(site.submit("/admin/accounts/" + bob + "/disable").code()).isEqualTo(303);

            assertThat(bobs.get("/api/decks").code()).isEqualTo(401);
            assertThat(script.get("/api/decks").code()).isEqualTo(401);
        });
    }

    @Test
    void only_an_admin_manages_accounts_and_a_disabled_account_is_signed_out() {
        collection.site(site -> {
            TestSite bobs = site.anotherBrowser();
            bobs.login("bob", BOB_PASSWORD);
            assertThat(bobs.get("/admin").code()).isEqualTo(403);
            assertThat(bobs.submit("/admin/accounts/" + alice + "/disable").code()).isEqualTo(403);
            assertThat(bobs.get("/backups").code()).as("a restore replaces everyone's progress").isEqualTo(403);
            assertThat(bobs.submit("/check").code()).isEqualTo(403);

            site.login("alice", ALICE_PASSWORD);
            String admin = site.page("/admin");
            assertThat(admin).contains("alice").contains("bob").contains("admin");
            assertThat(site.submit("/admin/accounts/" + bob + "/disable").code()).isEqualTo(303);
            assertThat(site.page("/admin")).contains("Disabled bob");
            assertThat(bobs.get("/").code()).isEqualTo(303);
            assertThat(bobs.login("bob", BOB_PASSWORD).code()).as("same answer as a wrong password").isEqualTo(422);

            site.submit("/admin/accounts/" + bob + "/enable");
            String reset = site.submit("/admin/accounts/" + bob + "/reset-password").body().string();
            Matcher shown = Pattern.compile("<code class=\"token\">([A-Za-z0-9]{16})</code>").matcher(reset);
            assertThat(shown.find()).isTrue();
            assertThat(bobs.login("bob", BOB_PASSWORD).code()).isEqualTo(422);
            assertThat(bobs.login("bob", shown.group(1)).code()).isEqualTo(303);
            Response lastAdmin = site.submit("/admin/accounts/" + alice + "/disable");
            assertThat(lastAdmin.code()).as("the only admin stays enabled").isEqualTo(400);
            assertThat(lastAdmin.body().string()).contains("alice is the only admin who can sign in");
        });
    }
}
