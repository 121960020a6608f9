package dev.prepdeck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.web.CsrfProtection;
import io.javalin.testtools.FormBody;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * A browser-like client for full-stack tests: keeps the CSRF cookie, fills in the token on forms and reads
 * JSON answers.
 */
public final class TestSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN_COOKIE = Pattern.compile(CsrfProtection.COOKIE + "=([^;]+)");
    private static final Pattern OTHER_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    /** A full-stack test body: the site is running on a random port, on the given database and clock. */
    public interface SiteTest {
        void run(TestSite site) throws Exception;
    }

    /** Starts the whole application on {@code jdbi} and {@code clock}, runs the test against it, stops it. */
    public static void run(Jdbi jdbi, Clock clock, SiteTest test) {
        JavalinTest.test(App.create(jdbi, clock), (server, client) -> test.run(new TestSite(client)));
    }

    private final HttpClient client;
    private String csrfToken;
    /** The Accept-Language every request sends, null for none (the interface then speaks English). */
    private String acceptLanguage;
    /** Cookies the site set besides the token (the flash message after a form), sent back as a browser would. */
    private final Map<String, String> otherCookies = new LinkedHashMap<>();
    /** Headers every request of this browser carries, as a reverse proxy in front would add them. */
    private final Map<String, String> alwaysSent = new LinkedHashMap<>();

    /**
     * Uses a client of its own without a cookie jar: javalin-testtools shares one client (and its cookies) across
     * tests, which would let one test's CSRF cookie leak into the next.
     */
    public TestSite(HttpClient client) {
        this.client = new HttpClient(client.getApp(), java.net.http.HttpClient.newHttpClient());
    }

    /** From now on asks for pages in this language, as a browser set to it would ("zh-CN,zh;q=0.9"). */
    public TestSite speaking(String acceptLanguageHeader) {
        this.acceptLanguage = acceptLanguageHeader;
        return this;
    }

    private void language(io.javalin.testtools.Request.Builder builder) {
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
    }

    /** A route the app declares, e.g. POST /decks/{deckId}/rename. */
    public record Route(String method, String path) {
    }

    /** Every route the app declares, as its router lists them, so a test covers a route added later too. */
    public List<Route> routes() {
        return client.getApp().unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> new Route(e.endpoint.method.name(), e.endpoint.path))
                .toList();
    }

    /** The CSRF token this client holds (fetching a page first if it holds none). */
    public String csrfToken() {
        if (csrfToken == null) {
            get("/");
        }
        return csrfToken;
    }

    /** Where the test server listens, as a page of this site would name it in an Origin header. */
    public String origin() {
        return client.getOrigin();
    }

    public Response get(String path) {
        Response response = client.get(path, builder -> {
            if (csrfToken != null || !otherCookies.isEmpty()) {
                builder.header("Cookie", cookieHeader());
            }
            alwaysSent.forEach(builder::header);
            language(builder);
        });
        remember(response);
        return response;
    }

    /**
     * A GET whose answer is read as bytes (images, sounds), sent with these header names and values; the path
     * goes out exactly as written, percent-escapes and dot segments included.
     */
    public HttpResponse<byte[]> getBytes(String path, String... headerNamesAndValues) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path)).GET();
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String page(String path) {
        Response response = get(path);
        if (response.code() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.code() + ": " + response.body().string());
        }
        return response.body().string();
    }

    /** Submits a form as the page would: with the cookie and the matching _csrf field. */
    public Response submit(String path, String... fieldsAndValues) {
        if (csrfToken == null) {
            get("/");
        }
        FormBody.Builder form = new FormBody.Builder().add(CsrfProtection.FIELD, csrfToken);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.add(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        Response response = client.request(path, builder -> {
            builder.post(form.build()).header("Cookie", cookieHeader());
            alwaysSent.forEach(builder::header);
            language(builder);
        });
        remember(response);
        return response;
    }

    /** Posts a multipart form with a file, as a browser's file field sends it, with the cookie and the _csrf field. */
    public Response upload(String path, String fileField, String fileName, byte[] content, String... fieldsAndValues) {
        return upload(path, fileField, fileName, "text/plain", content, fieldsAndValues);
    }

    /** As {@link #upload(String, String, String, byte[], String...)}, with the file's own Content-Type. */
    public Response upload(String path, String fileField, String fileName, String contentType, byte[] content,
                           String... fieldsAndValues) {
        if (csrfToken == null) {
            get("/");
        }
        String boundary = "----prepdeck-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of(CsrfProtection.FIELD, csrfToken));
        fields.addAll(List.of(fieldsAndValues));
        for (int i = 0; i < fields.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields.get(i)
                    + "\"\r\n\r\n" + fields.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Response response = client.request(path, builder -> {
            builder.post(BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Cookie", cookieHeader());
            // the browser's language goes with an upload as with every other request
            language(builder);
        });
        remember(response);
        return response;
    }

    /** Posts a form with no token, as another site would. */
    public Response submitWithoutToken(String path, String... fieldsAndValues) {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.add(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return client.request(path, builder -> builder.post(form.build()));
    }

    public Response postJson(String path, String json) {
        return client.request(path, builder -> builder.post(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    /** A JSON post that a page on {@code origin} sent. */
    public Response postJsonFrom(String origin, String path, String json) {
        return client.request(path, builder -> builder.post(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Origin", origin));
    }

    /** A JSON POST or PUT with exactly these bytes as its body (which need not be valid UTF-8 or JSON). */
    public Response sendJson(String method, String path, byte[] body) {
        return client.request(path, builder -> {
            if (method.equals("PUT")) {
                builder.put(BodyPublishers.ofByteArray(body));
            } else {
                builder.post(BodyPublishers.ofByteArray(body));
            }
            builder.header("Content-Type", "application/json");
        });
    }

    public Response putJson(String path, String json) {
        return client.request(path, builder -> builder.put(BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    public Response delete(String path) {
        return client.request(path, builder -> builder.delete(BodyPublishers.noBody()));
    }

    /** Sends this header on every request from now on, as a reverse proxy in front of the site would. */
    public TestSite sendingHeader(String name, String value) {
        alwaysSent.put(name, value);
        return this;
    }

    /** Another browser on the same site, with cookies of its own. */
    public TestSite anotherBrowser() {
        return new TestSite(client);
    }

    /** Signs in through the login form, as a person would (the form's CSRF token first, then name and password). */
    public Response login(String name, String password) {
        get("/login");
        return submit("/login", "name", name, "password", password);
    }

    /** A cookie the site set in this browser (other than the CSRF token), or null. */
    public String cookie(String name) {
        return otherCookies.get(name);
    }

    /** Puts a cookie in this browser as another page (or an attacker on a sibling name) could. */
    public void setCookie(String name, String value) {
        otherCookies.put(name, value);
    }

    /** A request with this browser's cookies and the given headers; a body, if any, is sent as JSON. */
    public Response send(String method, String path, String json, String... headerNamesAndValues) {
        Response response = client.request(path, builder -> {
            HttpRequest.BodyPublisher body = json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
            switch (method) {
                case "GET" -> builder.get();
                case "POST" -> builder.post(body);
                case "PUT" -> builder.put(body);
                case "PATCH" -> builder.patch(body);
                case "DELETE" -> builder.delete(body);
                default -> throw new IllegalArgumentException("no test requests with " + method);
            }
            if (json != null) {
                builder.header("Content-Type", "application/json");
            }
            if (csrfToken != null || !otherCookies.isEmpty()) {
                builder.header("Cookie", cookieHeader());
            }
            alwaysSent.forEach(builder::header);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                builder.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
        });
        remember(response);
        return response;
    }

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.body().string());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.body().string(), e);
        }
    }

    public static String location(Response response) {
        List<String> location = response.headers().get("Location");
        return location == null || location.isEmpty() ? null : location.get(0);
    }

    private String cookieHeader() {
        List<String> pairs = new ArrayList<>();
        if (csrfToken != null) {
            pairs.add(CsrfProtection.COOKIE + "=" + csrfToken);
        }
        otherCookies.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("; ", pairs);
    }

    private void remember(Response response) {
        List<String> cookies = response.headers().get("Set-Cookie");
        for (String cookie : cookies == null ? List.<String>of() : cookies) {
            Matcher matcher = TOKEN_COOKIE.matcher(cookie);
            if (matcher.find()) {
                csrfToken = matcher.group(1);
                continue;
            }
            Matcher other = OTHER_COOKIE.matcher(cookie);
            if (other.find()) {
                boolean removed = other.group(2).isEmpty() || cookie.contains("Max-Age=0")
                        || cookie.contains("Expires=Thu, 01 Jan 1970");
                if (removed) {
                    otherCookies.remove(other.group(1));
                } else {
                    otherCookies.put(other.group(1), other.group(2));
                }
            }
        }
    }
}
