package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.App;
import dev.prepdeck.RawHttp;
import dev.prepdeck.TestCollection;
import dev.prepdeck.TestData;
import dev.prepdeck.TestSite;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS rebinding: a page on another name that resolves to this machine gets nothing from the site. */
class AllowedHostsTest {
    @TempDir
    Path tempDir;

    TestCollection collection;

    @BeforeEach
    void setUp() {
        collection = TestCollection.of(tempDir, "networking.md", TestData.NETWORKING_DECK);
    }

    @Test
    void a_refused_name_is_explained_in_the_language_the_learner_chose() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            int port = Integer.parseInt(raw.hostHeader().replaceFirst(".*:", ""));
            RawHttp.Answer refused = raw.send("GET", "/", List.of("Host: other.example:" + port,
                    "Cookie: " + Language.COOKIE + "=zh-CN"), (byte[]) null);
            assertThat(refused.status()).isEqualTo(421);
            assertThat(refused.body()).contains("lang=\"zh-CN\"", "这个服务器不响应名称“other.example:" + port + "”");
        });
    }

    @Test
    void a_rebinding_page_with_a_matching_origin_can_neither_write_nor_read() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            int port = Integer.parseInt(raw.hostHeader().replaceFirst(".*:", ""));
            String evilHost = "rebind.evil.example:" + port;
            List<String> asTheEvilPage = List.of("Host: " + evilHost, "Origin: http://" + evilHost,
                    "Content-Type: application/json", "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken());
            Map<String, Long> before = collection.rowCounts();

            RawHttp.Answer create = raw.send("POST", "/api/decks", asTheEvilPage, "{\"name\":\"Rebound\"}");
            assertThat(create.status()).isEqualTo(421);
            assertThat(create.body()).contains("does not answer to the name 'rebind.evil.example:" + port + "'");
            RawHttp.Answer form = raw.send("POST", "/decks", List.of("Host: " + evilHost, "Origin: http://" + evilHost,
                    "Content-Type: application/x-www-form-urlencoded",
                    "Cookie: " + CsrfProtection.COOKIE + "=" + s.csrfToken()),
                    CsrfProtection.FIELD + "=" + s.csrfToken() + "&name=Rebound");
            assertThat(form.status()).isEqualTo(421);
            assertThat(collection.rowCounts()).isEqualTo(before);

            for (String path : List.of("/api/decks", "/", "/decks/" + collection.deckId("Interview::Networking"),
                    "/stats/review-log.csv", "/static/app.css")) {
                RawHttp.Answer read = raw.send("GET", path, asTheEvilPage, (byte[]) null);
                assertThat(read.status()).as(path).isEqualTo(421);
                assertThat(read.body()).as(path).doesNotContain("Networking").doesNotContain("DNS");
                assertThat(read.header("Set-Cookie")).as(path).isNull();
            }
        });
    }

    @Test
    void this_machines_names_are_accepted_on_the_port_the_server_listens_on() {
        collection.site(s -> {
            RawHttp raw = new RawHttp(s.origin());
            String port = raw.hostHeader().replaceFirst(".*:", "");
            for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port,
                    "localhost")) {
                assertThat(raw.send("GET", "/api/decks", List.of("Host: " + host), (byte[]) null).status())
                        .as(host).isEqualTo(200);
            }
            for (String host : List.of("127.0.0.1:1", "localhost.:" + port, "127.0.0.2:" + port, "", "a b")) {
                assertThat(raw.send("GET", "/api/decks", List.of("Host: " + host), (byte[]) null).status())
                        .as(host).isIn(400, 421);
            }
        });
    }

    @Test
    void names_given_with_allowed_host_are_accepted_and_only_those() {
        AllowedHosts hosts = AllowedHosts.of("0.0.0.0", List.of("prepdeck.lan", "Proxy.Example:8443"));
        JavalinTest.test(App.create(collection.jdbi(), collection.clock(), hosts), (server, client) -> {
            RawHttp raw = new RawHttp(new TestSite(client).origin());
            String port = raw.hostHeader().replaceFirst(".*:", "");
            for (String host : List.of("prepdeck.lan:" + port, "prepdeck.lan", "proxy.example:8443", "localhost:" + port)) {
                assertThat(raw.send("GET", "/api/decks", List.of("Host: " + host), (byte[]) null).status())
                        .as(host).isEqualTo(200);
            }
            for (String host : List.of("proxy.example:9999", "proxy.example", "0.0.0.0:" + port, "other.lan:" + port)) {
                assertThat(raw.send("GET", "/api/decks", List.of("Host: " + host), (byte[]) null).status())
                        .as(host).isEqualTo(421);
            }
        });
    }

    @Test
    void the_listen_address_is_a_name_unless_it_means_every_address() {
        assertThat(AllowedHosts.of("0.0.0.0", List.of()).hosts()).containsExactlyInAnyOrder(
                "127.0.0.1", "localhost", "[::1]");
        assertThat(AllowedHosts.of("::", List.of())).isEqualTo(AllowedHosts.loopback());
        assertThat(AllowedHosts.of("192.168.1.20", List.of()).accepts("192.168.1.20:7070", 7070)).isTrue();
        assertThat(AllowedHosts.of("fe80::1", List.of()).accepts("[FE80::1]:7070", 7070)).isTrue();
        assertThat(AllowedHosts.of("Study.LAN", List.of()).accepts("study.lan:7070", 7070)).isTrue();
        assertThat(AllowedHosts.loopback().accepts("study.lan:7070", 7070)).isFalse();
    }

    @Test
    void an_allowed_host_that_is_not_a_host_name_is_refused_with_its_text() {
        for (String bad : List.of("http://x.example", "x.example/path", "x.example:99999", "-x", "a b")) {
            assertThatThrownBy(() -> AllowedHosts.of("127.0.0.1", List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
    }
}
