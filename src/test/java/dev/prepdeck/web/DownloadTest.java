package dev.prepdeck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A download is built whole before it is sent: it arrives with its length, and a failure half-way is no 200. */
class DownloadTest {
    private final List<Path> builtIn = new ArrayList<>();

    @Test
    void a_download_arrives_whole_with_its_length_even_when_the_client_accepts_gzip() {
        String csv = "id,question\n" + "1,a line long enough for compression to be tempting\n".repeat(2_000);
        Javalin app = site(file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
        JavalinTest.test(app, (server, client) -> {
            HttpResponse<byte[]> response = get(client.getOrigin() + "/download");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(csv.length()));
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"log.csv\"");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
        });
        assertThat(builtIn).singleElement().satisfies(file -> assertThat(file).doesNotExist());
    }

    @Test
    void a_failure_while_the_download_is_built_is_an_error_answer_not_a_short_200() {
        Javalin app = site(file -> {
            Files.writeString(file, "id,question\n1,the first half of the file\n", StandardCharsets.UTF_8);
            throw new IOException("the disk is full");
        });
        JavalinTest.test(app, (server, client) -> {
            HttpResponse<byte[]> response = get(client.getOrigin() + "/download");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("the first half");
        });
        assertThat(builtIn).singleElement().satisfies(file -> assertThat(file).doesNotExist());
    }

    private Javalin site(Download.Body body) {
        return Javalin.create(config -> {
            SiteSetup.apply(config, AllowedHosts.loopback(), Clock.systemUTC());
            config.routes.get("/download", ctx -> Download.send(ctx, "text/csv; charset=utf-8", "log.csv", file -> {
                builtIn.add(file);
                body.writeTo(file);
            }));
        });
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
