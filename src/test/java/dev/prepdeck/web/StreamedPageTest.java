package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A streamed page reaches the browser part by part while the handler is still working, escaped like any page. */
class StreamedPageTest {
    @Test
    void each_part_arrives_before_the_handler_goes_on_and_the_page_ends_whole() {
        CountDownLatch firstPartRead = new CountDownLatch(1);
        Javalin app = Javalin.create(config -> {
            SiteSetup.apply(config);
            config.routes.get("/streamed", ctx -> {
                try (StreamedPage page = StreamedPage.open(ctx, "web/streamed-test.html", Map.of("heading", "<Working>"))) {
                    page.send("web/streamed-part.html", Map.of("text", "first <step>"));
                    // The client reads the first part before this handler may go on: it must not be held back.
                    if (!firstPartRead.await(20, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the first part never reached the client");
                    }
                    page.send("web/streamed-part.html", Map.of("text", "second step"));
                }
            });
        });
        JavalinTest.test(app, (server, client) -> {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(client.getOrigin() + "/streamed")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
            assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
            StringBuilder page = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    page.append(line).append('\n');
                    if (line.contains("first &lt;step&gt;")) {
                        assertThat(page).contains("<h1>&lt;Working&gt;</h1>").doesNotContain("second step");
                        firstPartRead.countDown();
                    }
                }
            }
            assertThat(firstPartRead.getCount()).isZero();
            assertThat(page.toString()).containsSubsequence("first &lt;step&gt;", "second step", "</section>", "</html>")
                    .doesNotContain("streamed-parts");
        });
    }
}
