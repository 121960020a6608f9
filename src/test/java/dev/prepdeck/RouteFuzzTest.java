package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.web.CsrfProtection;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route the app declares (read from its router, so a route added later is fuzzed too) gets malformed
 * requests: random bytes, JSON nested thousands deep, huge numbers, wrong types, invalid UTF-8, broken multipart,
 * wrong content types, a hostile Host or Origin, oversized headers, odd ids, unicode and traversal in the path,
 * junk query strings, and well-formed forms and JSON full of hostile values. Whatever comes in: no 5xx, no stack
 * trace in the answer, and a refused request (4xx) leaves every table as it was.
 * <p>
 * The requests come from a seeded generator, so a failure names a request that fails again on the next run. 200
 * requests keep {@code mvn test} short; {@code mvn test -Dtest=RouteFuzzTest -Dfuzz.tries=5000} sends more, and
 * {@code -Dfuzz.seed=N} other ones.
 */
class RouteFuzzTest {
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\n\\s*at [\\w.$]+\\(|\\.java:\\d+");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
    private static final Pattern TOKEN_COOKIE = Pattern.compile(CsrfProtection.COOKIE + "=([^;]+)");
    private static final String BOUNDARY = "fuzz-boundary";
    private static final long SEED = Long.getLong("fuzz.seed", 20261130L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 200);

    private static final List<String> HOSTILE_TEXT = List.of("", " ", "\u0000", "a\r\nb", "\t=1",
            "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(1)", "<script>alert(1)</script>",
            "[x](data:text/html,x)", "😀 表情", "\u202egnp.exe", "9".repeat(30), "-1", "0", "9223372036854775808",
            "1e309", "NaN", "../../etc/passwd", "%00", "A::", "::", "x".repeat(5_000), "١٢٣", "null", "true");
    private static final List<String> FIELDS = List.of("name", "question", "answer", "tags", "cardId", "deck",
            "cardDeck", "rating", "durationMs", "seconds", "count", "answers", "cards", "text", "prefix", "format",
            "keep", "action", "days", "on", "mode", "target", "source", "deck_0", "question_0", "answer_0", "id_0",
            "covered", "retention", "shownAt", "interviewDate", "newPerDay", "reviewsPerDay");
    private static final List<String> PATH_VALUES = List.of("0", "-1", "99999999999", "9223372036854775807",
            "9223372036854775808", "1.5", "%F0%9F%98%80", "%C0%AE%C0%AE", "..%2F..%2Fpom.xml", "%2e%2e", "%00",
            "%C3%A9", "abc", "1".repeat(400), "app.css", "app.0123456789.css", "..", "%FF%FE");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=" + BOUNDARY, "multipart/form-data", "text/plain",
            "application/json; charset=iso-8859-1", "application/xml", "*/*;;;", "");
    private static final List<String> WRONG_TYPES = List.of("[]", "null", "\"text\"", "42", "{\"name\":123}",
            "{\"name\":[\"a\"]}", "{\"cardId\":\"x\",\"rating\":\"good\"}", "{\"cardId\":1.5,\"rating\":3.7}",
            "{\"question\":{},\"answer\":[],\"tags\":{\"a\":1}}", "{\"tags\":[1,null,{}]}", "{\"rating\":null}",
            "{\"cardId\":-9223372036854775808,\"rating\":9223372036854775807}", "{\"\":\"\"}", "{", "}", "{\"a\":1,}");

    private static Path folder;
    private static TestCollection collection;
    private static Javalin app;
    private static RawHttp raw;
    private static String csrfToken;
    private static List<TestSite.Route> routes;
    /** Each route once, and each write route four times more: writes are where a malformed body can do harm. */
    private static List<TestSite.Route> weightedRoutes;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("prepdeck-fuzz");
        collection = TestCollection.of(folder, "networking.md", TestData.NETWORKING_DECK,
                "database.md", TestData.DATABASE_DECK);
        app = App.create(collection.jdbi(), collection.clock()).start("127.0.0.1", 0);
        raw = new RawHttp("http://127.0.0.1:" + app.port());
        Matcher token = TOKEN_COOKIE.matcher(String.valueOf(raw.send("GET", "/", List.of(), (byte[]) null)
                .header("Set-Cookie")));
        assertThat(token.find()).as("the home page sets the CSRF cookie").isTrue();
        csrfToken = token.group(1);
        routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> new TestSite.Route(e.endpoint.method.name(), e.endpoint.path))
                .toList();
        weightedRoutes = new ArrayList<>();
        for (TestSite.Route route : routes) {
            for (int i = route.method().equals("GET") ? 0 : -4; i <= 0; i++) {
                weightedRoutes.add(route);
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        // SQLite may still be dropping its -wal and -shm files while the folder is walked: walk again.
        for (int pass = 0; pass < 3 && Files.exists(folder); pass++) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                if (pass == 2) {
                    throw e;
                }
            }
        }
    }

    /** What to send, as choices; {@link #send} turns them into bytes against the routes and ids of the moment. */
    record Fuzz(int route, boolean otherMethod, int method, int pathValue, boolean validId, List<Integer> queryKeys,
                int queryValue, int body, int contentType, boolean typeFromBody, byte[] bytes, int depth, int hostile,
                int field, int host, int origin, int cookie, int bigHeader) {
        @Override
        public String toString() {
            return "Fuzz[route=" + route + ", otherMethod=" + otherMethod + ", method=" + method + ", pathValue="
                    + pathValue + ", validId=" + validId + ", queryKeys=" + queryKeys + ", queryValue=" + queryValue
                    + ", body=" + body + ", contentType=" + contentType + ", typeFromBody=" + typeFromBody
                    + ", bytes=" + bytes.length + " bytes, depth=" + depth + ", hostile=" + hostile + ", field="
                    + field + ", host=" + host + ", origin=" + origin + ", cookie=" + cookie + ", bigHeader="
                    + bigHeader + "]";
        }
    }

    /** One request's choices, drawn from {@code random}: the same seed gives the same requests in the same order. */
    private static Fuzz draw(Random random) {
        return new Fuzz(random.nextInt(1_001), random.nextInt(6) == 0, random.nextInt(8),
                random.nextInt(PATH_VALUES.size()), random.nextBoolean(),
                IntStream.range(0, random.nextInt(5)).mapToObj(i -> random.nextInt(FIELDS.size())).toList(),
                random.nextInt(HOSTILE_TEXT.size() + 4), random.nextInt(11), random.nextInt(CONTENT_TYPES.size()),
                random.nextInt(8) != 0, bytes(random), 21 + random.nextInt(4_980), random.nextInt(HOSTILE_TEXT.size()),
                random.nextInt(FIELDS.size()), weighted(random, 20, 1, 1, 1), weighted(random, 6, 3, 1),
                random.nextInt(3), weighted(random, 20, 1, 1));
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_001)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** 0, 1, 2... with the given weights: the usual case often, each unusual one now and then. */
    private static int weighted(Random random, int... weights) {
        int pick = random.nextInt(IntStream.of(weights).sum());
        int choice = 0;
        while (pick >= weights[choice]) {
            pick -= weights[choice++];
        }
        return choice;
    }

    @TestFactory
    Stream<DynamicTest> no_request_gets_a_5xx_a_stack_trace_or_a_partial_write() {
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> {
            Fuzz fuzz = draw(random);
            return DynamicTest.dynamicTest("request " + i, () -> {
                Map<String, Long> before = collection.rowCounts();
                Sent sent = send(fuzz);

                assertThat(sent.answer().status()).as(sent.description()).isLessThan(500);
                assertThat(STACK_TRACE.matcher(sent.answer().body()).find()).as("stack trace in " + sent.description()
                        + ":\n" + sent.answer().body()).isFalse();
                if (sent.answer().status() >= 400) {
                    assertThat(collection.rowCounts()).as("tables after refused " + sent.description()).isEqualTo(before);
                }
            });
        });
    }

    @Test
    void the_fuzzer_reaches_every_kind_of_route() {
        assertThat(routes).extracting(TestSite.Route::method).contains("GET", "POST", "PUT", "DELETE");
        assertThat(routes).extracting(TestSite.Route::path)
                .contains("/", "/api/decks", "/decks/{deckId}/rename", "/notes/preview", "/static/<file>");
    }

    private record Sent(String description, RawHttp.Answer answer) {
    }

    private static Sent send(Fuzz fuzz) {
        TestSite.Route route = weightedRoutes.get(fuzz.route() % weightedRoutes.size());
        String method = fuzz.otherMethod()
                ? List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE").get(fuzz.method())
                : route.method();
        String target = path(route.path(), fuzz) + query(fuzz);
        int kind = bodyKind(fuzz, route);
        byte[] body = body(fuzz, kind);
        List<String> headers = new ArrayList<>();
        int port = app.port();
        headers.add("Host: " + List.of("127.0.0.1:" + port, "localhost:" + port, "rebind.evil.example:" + port,
                "").get(fuzz.host()));
        if (fuzz.origin() > 0) {
            headers.add("Origin: " + (fuzz.origin() == 1 ? "http://127.0.0.1:" + port : "http://evil.example"));
        }
        if (fuzz.cookie() > 0) {
            headers.add("Cookie: " + CsrfProtection.COOKIE + "=" + (fuzz.cookie() == 1 ? csrfToken : "forged-token-value-0000"));
        }
        String type = contentType(fuzz, kind);
        if (body != null && !type.isEmpty()) {
            headers.add("Content-Type: " + type);
        }
        if (fuzz.bigHeader() == 1) {
            headers.add("X-Fuzz: " + "h".repeat(20_000));
        } else if (fuzz.bigHeader() == 2) {
            for (int i = 0; i < 200; i++) {
                headers.add("X-Fuzz-" + i + ": " + i);
            }
        }
        String description = method + " " + (target.length() > 300 ? target.substring(0, 300) + "..." : target)
                + " (route " + route.method() + " " + route.path() + ", " + fuzz + ")";
        return new Sent(description, raw.send(method, target, headers, body));
    }

    private static String path(String pattern, Fuzz fuzz) {
        Matcher m = PATH_PARAM.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fuzz.validId() ? validValue(m.group()) : PATH_VALUES.get(fuzz.pathValue());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** An id that exists now (the fuzzer deletes and creates as it goes), or a static file that exists. */
    private static String validValue(String param) {
        if (param.contains("file")) {
            return "app.css";
        }
        String table = param.contains("card") ? "card" : "deck";
        List<Long> ids = collection.list("SELECT id FROM " + table + " ORDER BY id LIMIT 1", Long.class);
        return ids.isEmpty() ? "1" : Long.toString(ids.get(0));
    }

    private static String query(Fuzz fuzz) {
        if (fuzz.queryKeys().isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int key : fuzz.queryKeys()) {
            query.append(query.length() > 1 ? "&" : "").append(FIELDS.get(key)).append('=').append(queryValue(fuzz));
        }
        return query.toString();
    }

    private static String queryValue(Fuzz fuzz) {
        int choice = fuzz.queryValue();
        if (choice < HOSTILE_TEXT.size()) {
            return URLEncoder.encode(HOSTILE_TEXT.get(choice), StandardCharsets.UTF_8);
        }
        return List.of("%zz", "%FF%FE", "&&==", "a%00b").get(choice - HOSTILE_TEXT.size());
    }

    private static String contentType(Fuzz fuzz, int kind) {
        if (!fuzz.typeFromBody()) {
            return CONTENT_TYPES.get(fuzz.contentType());
        }
        return switch (kind) {
            case 6 -> "multipart/form-data; boundary=" + BOUNDARY;
            case 7 -> "application/x-www-form-urlencoded";
            case 1, 9 -> CONTENT_TYPES.get(fuzz.contentType());
            default -> "application/json";
        };
    }

    /** The kinds of body (see {@link #body}) worth sending to a JSON write, a form, or any other route. */
    private static final List<Integer> JSON_BODIES = List.of(0, 1, 2, 3, 4, 5, 8, 10, 2, 3, 5, 8);
    private static final List<Integer> FORM_BODIES = List.of(0, 1, 4, 5, 6, 7, 9);

    private static int bodyKind(Fuzz fuzz, TestSite.Route route) {
        if (route.method().equals("GET")) {
            return fuzz.body();
        }
        List<Integer> kinds = route.path().startsWith("/api/") ? JSON_BODIES : FORM_BODIES;
        return kinds.get(fuzz.body() % kinds.size());
    }

    private static byte[] body(Fuzz fuzz, int kind) {
        String hostile = HOSTILE_TEXT.get(fuzz.hostile());
        String field = FIELDS.get(fuzz.field());
        return switch (kind) {
            case 0 -> null;
            case 1 -> fuzz.bytes();
            case 2 -> utf8("[".repeat(fuzz.depth()) + "]".repeat(fuzz.depth()));
            case 3 -> utf8("{\"" + field + "\":" + "7".repeat(fuzz.depth()) + "}");
            case 4 -> utf8(WRONG_TYPES.get(fuzz.depth() % WRONG_TYPES.size()));
            case 5 -> invalidUtf8(field);
            case 6 -> brokenMultipart(fuzz.depth());
            case 7 -> utf8(CsrfProtection.FIELD + "=" + csrfToken + "&" + field + "="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8) + "&cardId=1&deck=1&count=1&keep=0");
            case 8 -> utf8("{\"" + field + "\":" + jsonString(hostile) + ",\"cardId\":1,\"rating\":3,"
                    + "\"name\":" + jsonString(hostile) + ",\"question\":" + jsonString(hostile)
                    + ",\"answer\":" + jsonString(hostile) + ",\"tags\":[" + jsonString(hostile) + "]}");
            case 9 -> utf8("x".repeat(1_100_000));
            default -> new byte[0];
        };
    }

    private static byte[] invalidUtf8(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("{\"" + field + "\":\"a"));
        out.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        out.writeBytes(utf8("\",\"name\":\"x\"}"));
        return out.toByteArray();
    }

    private static byte[] brokenMultipart(int cut) {
        String whole = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + CsrfProtection.FIELD
                + "\"\r\n\r\n" + csrfToken + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\";"
                + " filename=\"notes.md\"\r\nContent-Type: text/markdown\r\n\r\n# Notes\n\n## Q?\n\nA.\r\n--" + BOUNDARY + "--\r\n";
        return utf8(whole.substring(0, cut % whole.length()));
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
