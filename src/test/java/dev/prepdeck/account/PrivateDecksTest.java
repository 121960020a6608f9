package dev.prepdeck.account;

import static dev.prepdeck.TestSite.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import dev.prepdeck.media.MediaSamples;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.review.ReviewRepository;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Private decks (issue 17): a deck its owner made private is, for every other learner, a deck that does not exist,
 * on every route of the app; shared decks and decks from files are everyone's.
 */
class PrivateDecksTest {
    private static final String ALICE_PASSWORD = "correct horse battery";
    private static final String BOB_PASSWORD = "bob's long passphrase";
    private static final String SECRET_DECK = "Alice Secrets";
    /** Words of the private cards that Bob's requests never send, so finding them in an answer is a leak. */
    private static final List<String> SECRET_WORDS = List.of(SECRET_DECK, "Rottnest", "marsupialia");
    /** Taken by searches: it matches the private card, and an answer may echo it back. */
    private static final String SEARCH_WORD = "quokka";

    @TempDir
    Path tempDir;

    TestCollection collection;
    long secretDeck;
    long secretCard;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
    }

    /** Turns accounts on: Alice, the admin, and Bob. */
    private void twoAccounts() {
        Accounts accounts = new Accounts(collection.jdbi(), new ReviewRepository(), collection.clock(), 4);
        accounts.add("alice", ALICE_PASSWORD);
        accounts.add("bob", BOB_PASSWORD);
    }

    /** Alice's private deck with a sub-deck and two cards, one of which she has reviewed. */
    private void alicesPrivateDeck(TestSite alice) {
        twoAccounts();
        alice.login("alice", ALICE_PASSWORD);
        secretDeck = json(alice.send("POST", "/api/decks", "{\"name\": \"" + SECRET_DECK + "\"}")).get("id").asLong();
        secretCard = json(alice.send("POST", "/api/decks/" + secretDeck + "/cards", """
                {"question": "Which quokka lives on Rottnest?", "answer": "The marsupialia of the island.",
                 "tags": ["secrettag"]}""")).get("id").asLong();
        long inner = json(alice.send("POST", "/api/decks", "{\"name\": \"" + SECRET_DECK + "::Inner\"}")).get("id").asLong();
        alice.send("POST", "/api/decks/" + inner + "/cards", """
                {"question": "Where is Rottnest island?", "answer": "Off Perth.", "tags": ["secrettag"]}""");
        assertThat(alice.send("PUT", "/api/decks/" + secretDeck + "/visibility", "{\"visibility\": \"private\"}").code())
                .isEqualTo(200);
        assertThat(alice.submit("/study/rate", "cardId", String.valueOf(secretCard), "rating", "3").code())
                .isEqualTo(303);
    }

    /** Everything of Alice's private decks that another learner must not change, as rows of text. */
    private List<String> privateRows() {
        String decks = "(SELECT id FROM deck WHERE private = 1)";
        List<String> rows = new ArrayList<>();
        rows.addAll(collection.list("SELECT id || name || private || owner_id || new_per_day || reviews_per_day || "
                + "COALESCE(CAST(desired_retention AS TEXT), '') || COALESCE(weights, '') || "
                + "COALESCE(CAST(interview_date AS TEXT), '') || COALESCE(CAST(practice_mode AS TEXT), '') FROM deck WHERE id IN " + decks + " ORDER BY id", String.class));
        rows.addAll(collection.list("SELECT CAST(id AS TEXT) || deck_id || question || answer || tags || position FROM card "
                + "WHERE deck_id IN " + decks + " ORDER BY id", String.class));
        rows.addAll(collection.list("SELECT CAST(card_id AS TEXT) || learner_id || state || due || suspended || flag || "
                + "COALESCE(CAST(buried_until AS TEXT), '') FROM card_state WHERE card_id IN (SELECT id FROM card WHERE deck_id IN "
                + decks + ") ORDER BY card_id, learner_id", String.class));
        rows.addAll(collection.list("SELECT CAST(id AS TEXT) || learner_id || card_id || rating FROM review_log "
                + "WHERE card_id IN (SELECT id FROM card WHERE deck_id IN " + decks + ") ORDER BY id", String.class));
        return rows;
    }

    @Test
    void another_learner_can_neither_read_nor_change_a_private_deck_or_its_cards_through_any_route() {
        collection.site(alice -> {
            alicesPrivateDeck(alice);
            List<String> before = privateRows();
            assertThat(before).hasSizeGreaterThan(6);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);
            List<TestSite.Route> routes = bob.routes();
            assertThat(routes).as("the router lists the app's routes").hasSizeGreaterThan(60);
            int tried = 0;
            for (TestSite.Route route : routes) {
                // Signing out only ends Bob's own sessions; without them the rest would be asked anonymously.
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(route.method())
                        || route.path().equals("/logout") || route.path().startsWith("/account/")) {
                    continue;
                }
                tried++;
                String what = route.method() + " " + route.path();
                Response response = ask(bob, route, secretDeck, secretCard);
                String body = response.body().string();
                SECRET_WORDS.forEach(word -> assertThat(body).as(what).doesNotContain(word));
                assertThat(privateRows()).as("Alice's private deck after " + what).isEqualTo(before);
                // The answer a deck or card that does not exist gets, so the ids tell Bob nothing.
                int missing = ask(bob, route, 999_999, 999_999).code();
                assertThat(response.code()).as(what + " answers as if there were no such deck or card")
                        .isEqualTo(missing);
                if (route.path().contains("{deckId}") || route.path().contains("{cardId}")) {
                    assertThat(response.code()).as(what).isIn(400, 404);
                }
            }
            assertThat(tried).isGreaterThan(60);

            // What binary downloads carry: the .zip of every deck's file has no file of Alice's private decks.
            java.net.http.HttpResponse<byte[]> zip = bob.getBytes("/anki/decks.zip", "Cookie", sessionOf(bob));
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zipText(zip.body())).contains("DNS").doesNotContain("Rottnest", SECRET_DECK);
            assertThat(bob.page("/tags")).doesNotContain("secrettag");
            assertThat(bob.page("/browse?q=tag:secrettag")).contains("No card matches");
            assertThat(alice.page("/browse?q=tag:secrettag")).contains("Rottnest");
            assertThat(zipText(alice.getBytes("/anki/decks.zip", "Cookie", sessionOf(alice)).body())).contains("Rottnest");
        });
    }

    /**
     * Bob's request on {@code route} with the deck and card ids in its path, and the same ids in every query, form
     * and JSON field a route reads ids from, beside a search word that matches the private card and a bulk delete;
     * what it creates is named after the deck id, so asking again with other ids is not refused as a duplicate.
     */
    private static Response ask(TestSite bob, TestSite.Route route, long deckId, long cardId) {
        String d = String.valueOf(deckId);
        String c = String.valueOf(cardId);
        String path = route.path().replace("{deckId}", d).replace("{cardId}", c)
                .replace("<file>", "app.css").replaceAll("\\{[^}]+}", "1");
        String method = route.method();
        if (method.equals("GET")) {
            return bob.get(path + "?deck=" + d + "&card=" + c + "&cards=" + c + "&q=" + SEARCH_WORD);
        }
        if (method.equals("POST") && !path.startsWith("/api/")) {
            return bob.submit(path, "deck", d, "deckId", d, "card", c, "cardId", c, "cardDeck", d,
                    "id", c, "cards", c, "q", SEARCH_WORD, "tag", "secrettag", "newName", "bobs",
                    "action", "delete", "confirmed", "1", "rating", "3", "answer", "an answer", "seconds", "5",
                    "flag", "1", "count", "1", "days", "1", "extra", "5", "visibility", "shared",
                    "name", "Stolen " + d, "newPerDay", "1", "reviewsPerDay", "1", "mode", "on");
        }
        return bob.send(method, path, """
                {"cardId": %s, "deckId": %s, "cardIds": [%s], "query": "%s", "action": "delete",
                 "rating": 3, "answer": "an answer", "seconds": 5, "visibility": "shared",
                 "question": "Stolen?", "name": "Stolen %s", "tags": ["bobs"], "flag": 1,
                 "reschedule": true, "weights": []}""".formatted(c, d, c, SEARCH_WORD, d));
    }

    private static String sessionOf(TestSite browser) {
        return AccessControl.SESSION_COOKIE + "=" + browser.cookie(AccessControl.SESSION_COOKIE);
    }

    private static String zipText(byte[] zip) {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                text.append(entry.getName()).append('\n')
                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Test
    void studying_every_deck_shows_a_learner_the_private_decks_of_their_own_and_never_another_s() {
        collection.site(alice -> {
            alicesPrivateDeck(alice);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);
            // "Alice Secrets" sorts before "Interview::Networking": its new cards would come first if Bob's queue held them.
            assertThat(json(alice.get("/api/review/next")).get("card").get("question").asText())
                    .isEqualTo("Where is Rottnest island?");
            List<String> bobSaw = new ArrayList<>();
            for (Response next = bob.get("/api/review/next"); next.code() == 200; next = bob.get("/api/review/next")) {
                JsonNode card = json(next).get("card");
                bobSaw.add(card.get("question").asText());
                bob.send("POST", "/api/review", "{\"cardId\": " + card.get("id").asLong() + ", \"rating\": 4}");
            }
            assertThat(bobSaw).containsExactly("What does DNS do?", "Compare TCP and UDP.",
                    "Which HTTP method is idempotent but not safe?");
        });
    }

    @Test
    void the_owner_keeps_seeing_a_private_deck_others_get_404_and_sharing_it_shows_it_again() {
        collection.site(alice -> {
            alicesPrivateDeck(alice);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);

            assertThat(names(json(alice.get("/api/decks")))).contains(SECRET_DECK, SECRET_DECK + "::Inner");
            assertThat(visibilityOf(json(alice.get("/api/decks")), SECRET_DECK)).isEqualTo("private");
            assertThat(alice.page("/")).contains(SECRET_DECK);
            assertThat(alice.get("/decks/" + secretDeck).code()).isEqualTo(200);
            assertThat(alice.page("/cards/" + secretCard)).contains("Rottnest");

            assertThat(names(json(bob.get("/api/decks")))).doesNotContain(SECRET_DECK, SECRET_DECK + "::Inner")
                    .contains("Interview::Networking");
            assertThat(bob.page("/")).doesNotContain(SECRET_DECK);
            assertThat(bob.get("/decks/" + secretDeck).code()).isEqualTo(404);
            assertThat(bob.get("/cards/" + secretCard).code()).isEqualTo(404);
            assertThat(bob.get("/api/decks/" + secretDeck + "/cards").code()).isEqualTo(404);
            assertThat(json(bob.send("PUT", "/api/cards/" + secretCard,
                    "{\"question\": \"Mine?\", \"answer\": \"Yes.\"}")).get("error").asText()).contains("card");

            // Sharing it again (its sub-deck follows) shows both decks to Bob, with his own, new progress.
            assertThat(json(alice.send("PUT", "/api/decks/" + secretDeck + "/visibility", "{\"visibility\": \"shared\"}"))
                    .get("visibility").asText()).isEqualTo("shared");
            assertThat(names(json(bob.get("/api/decks")))).contains(SECRET_DECK, SECRET_DECK + "::Inner");
            assertThat(bob.page("/cards/" + secretCard)).contains("Rottnest").contains("New");
        });
    }

    @Test
    void a_file_only_a_private_deck_shows_is_hidden_from_others_until_a_shared_card_shows_it_too() {
        MediaStore media = new MediaStore(collection.jdbi(), collection.clock());
        collection.jdbi().useTransaction(h -> {
            media.put(h, "quokka.png", MediaSamples.png());
            media.put(h, "短尾矮袋鼠.gif", MediaSamples.gif());
        });
        long networking = collection.deckId("Interview::Networking");
        collection.site(alice -> {
            alicesPrivateDeck(alice);
            alice.send("POST", "/api/decks/" + secretDeck + "/cards", """
                    {"question": "Which animal? ![](media/quokka.png)",
                     "answer": "![](media/%E7%9F%AD%E5%B0%BE%E7%9F%AE%E8%A2%8B%E9%BC%A0.gif)"}""");
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);

            assertThat(alice.get("/media/quokka.png").code()).isEqualTo(200);
            assertThat(alice.get("/media/短尾矮袋鼠.gif").code()).isEqualTo(200);
            assertThat(bob.get("/media/quokka.png").code()).isEqualTo(404);
            assertThat(bob.get("/media/短尾矮袋鼠.gif").code()).isEqualTo(404);

            // the same file on a card everyone sees is everyone's
            bob.send("POST", "/api/decks/" + networking + "/cards",
                    "{\"question\": \"Seen one?\", \"answer\": \"![](media/quokka.png)\"}");
            assertThat(bob.get("/media/quokka.png").code()).isEqualTo(200);
            assertThat(bob.get("/media/短尾矮袋鼠.gif").code()).isEqualTo(404);
        });
    }

    @Test
    void only_the_owner_changes_who_sees_a_deck_and_a_deck_file_stays_shared() {
        long networking = collection.deckId("Interview::Networking");
        collection.site(alice -> {
            alicesPrivateDeck(alice);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);
            long bobs = json(bob.send("POST", "/api/decks", "{\"name\": \"Bob Notes\"}")).get("id").asLong();

            Response file = alice.send("PUT", "/api/decks/" + networking + "/visibility", "{\"visibility\": \"private\"}");
            assertThat(file.code()).isEqualTo(400);
            assertThat(json(file).get("error").asText()).contains("deck file");
            Response notHers = alice.send("PUT", "/api/decks/" + bobs + "/visibility", "{\"visibility\": \"private\"}");
            assertThat(notHers.code()).isEqualTo(400);
            assertThat(json(notHers).get("error").asText()).contains("only the learner who made this deck");
            Response typo = bob.send("PUT", "/api/decks/" + bobs + "/visibility", "{\"visibility\": \"secret\"}");
            assertThat(typo.code()).isEqualTo(400);
            assertThat(json(typo).get("error").asText()).contains("private or shared, not 'secret'");

            // A sub-deck of a private deck cannot be shared alone: its name would give the private one's away.
            long inner = collection.deckId(SECRET_DECK + "::Inner");
            Response alone = alice.send("PUT", "/api/decks/" + inner + "/visibility", "{\"visibility\": \"shared\"}");
            assertThat(json(alone).get("error").asText()).contains("'" + SECRET_DECK + "', is private");
            // Bob cannot take the private deck's name, nor put a deck under it.
            assertThat(bob.send("POST", "/api/decks", "{\"name\": \"" + SECRET_DECK + "::Mine\"}").code()).isEqualTo(400);
            assertThat(collection.one("SELECT COUNT(*) FROM deck WHERE name LIKE '" + SECRET_DECK + "%'", Integer.class))
                    .isEqualTo(2);

            // The settings page: the owner's radio buttons, the error in the form, and only a sentence for others.
            assertThat(alice.page("/decks/" + secretDeck + "/settings")).contains("Who sees this deck")
                    .contains("value=\"private\" checked");
            Response refused = alice.submit("/decks/" + inner + "/visibility", "visibility", "shared");
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.body().string()).contains("is private; share that deck first");
            assertThat(bob.page("/decks/" + networking + "/settings"))
                    .contains("it comes from a deck file").doesNotContain("name=\"visibility\"");
            Response shared = alice.submit("/decks/" + secretDeck + "/visibility", "visibility", "shared");
            assertThat(shared.code()).isEqualTo(303);
            assertThat(alice.page("/decks/" + secretDeck + "/settings")).contains("is shared now");
        });
    }

    @Test
    void a_deck_a_learner_makes_is_theirs_and_starts_with_their_own_defaults_for_new_decks() {
        collection.site(alice -> {
            twoAccounts();
            alice.login("alice", ALICE_PASSWORD);
            TestSite bob = alice.anotherBrowser();
            bob.login("bob", BOB_PASSWORD);
            assertThat(bob.send("PUT", "/api/settings", "{\"newCardsPerDay\": 7}").code()).isEqualTo(200);
            long bobs = json(bob.send("POST", "/api/decks", "{\"name\": \"Bob Notes\"}")).get("id").asLong();
            long alices = json(alice.send("POST", "/api/decks", "{\"name\": \"Alice Notes\"}")).get("id").asLong();

            assertThat(collection.one("SELECT new_per_day FROM deck WHERE id = " + bobs, Integer.class)).isEqualTo(7);
            assertThat(collection.one("SELECT new_per_day FROM deck WHERE id = " + alices, Integer.class)).isEqualTo(20);
            assertThat(collection.one("SELECT a.name FROM deck d JOIN account a ON a.learner_id = d.owner_id WHERE d.id = "
                    + bobs, String.class)).isEqualTo("bob");
            assertThat(collection.one("SELECT owner_id IS NULL FROM deck WHERE name = 'Interview::Networking'",
                    Boolean.class)).as("a deck file's deck is nobody's").isTrue();
        });
    }

    @Test
    void on_the_local_site_without_accounts_visibility_is_not_offered_and_changes_nothing_seen() {
        collection.site(site -> {
            long deck = json(site.send("POST", "/api/decks", "{\"name\": \"Mine\"}")).get("id").asLong();
            assertThat(site.page("/decks/" + deck + "/settings")).doesNotContain("Who sees this deck");
            assertThat(site.send("PUT", "/api/decks/" + deck + "/visibility", "{\"visibility\": \"private\"}").code())
                    .isEqualTo(200);
            assertThat(site.page("/")).contains("Mine");
            assertThat(names(json(site.get("/api/decks")))).contains("Mine");
        });
    }

    private static List<String> names(JsonNode decks) {
        List<String> names = new ArrayList<>();
        decks.forEach(d -> names.add(d.get("name").asText()));
        return names;
    }

    private static String visibilityOf(JsonNode decks, String name) {
        for (JsonNode d : decks) {
            if (d.get("name").asText().equals(name)) {
                return d.get("visibility").asText();
            }
        }
        return null;
    }
}
