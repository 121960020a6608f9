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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every route the app declares (read from its router, so a route added later is fuzzed too) gets malformed
 * requests: random bytes, JSON nested thousands deep, huge numbers, wrong types, invalid UTF-8, broken multipart,
 * wrong content types, a hostile Host or Origin, oversized headers, odd ids, unicode and traversal in the path,
 * junk query strings, and well-formed forms and JSON full of hostile values. Whatever comes in: no 5xx, no stack
 * trace in the answer, and a refused request (4xx) leaves every table as it was.
 * <p>
 * A fixed seed and {@code jqwik.tries.default} tries (200, see junit-platform.properties) keep {@code mvn test}
 * short; {@code mvn test -Dtest=RouteFuzzTest -Djqwik.tries.default=5000} runs more.
 */
class RouteFuzzTest {
    private static final Pattern STACK_TRACE = Pattern.compile("Exception|\\n\\s*at [\\w.$]+\\(|\\.java:\\d+");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
    private static final Pattern TOKEN_COOKIE = Pattern.compile(CsrfProtection.COOKIE + "=([^;]+)");
    private static final String BOUNDARY = "fuzz-boundary";

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

    @BeforeContainer
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

    @AfterContainer
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

    @Provide
    Arbitrary<Fuzz> requests() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 1_000);
        return Builders.withBuilder(() -> new Object[18])
                .use(small).in((a, v) -> set(a, 0, v))
                .use(Arbitraries.of(false, false, false, false, false, true)).in((a, v) -> set(a, 1, v))
                .use(Arbitraries.integers().between(0, 7)).in((a, v) -> set(a, 2, v))
                .use(Arbitraries.integers().between(0, PATH_VALUES.size() - 1)).in((a, v) -> set(a, 3, v))
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 4, v))
                .use(Arbitraries.integers().between(0, FIELDS.size() - 1).list().ofMaxSize(4)).in((a, v) -> set(a, 5, v))
                .use(Arbitraries.integers().between(0, HOSTILE_TEXT.size() + 3)).in((a, v) -> set(a, 6, v))
                .use(Arbitraries.integers().between(0, 10)).in((a, v) -> set(a, 7, v))
                .use(Arbitraries.integers().between(0, CONTENT_TYPES.size() - 1)).in((a, v) -> set(a, 8, v))
                .use(Arbitraries.of(true, true, true, true, true, true, true, false)).in((a, v) -> set(a, 9, v))
                .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000)).in((a, v) -> set(a, 10, v))
                .use(Arbitraries.integers().between(21, 5_000)).in((a, v) -> set(a, 11, v))
                .use(Arbitraries.integers().between(0, HOSTILE_TEXT.size() - 1)).in((a, v) -> set(a, 12, v))
                .use(Arbitraries.integers().between(0, FIELDS.size() - 1)).in((a, v) -> set(a, 13, v))
                .use(Arbitraries.frequency(List.of(
                        Tuple.of(20, 0), Tuple.of(1, 1), Tuple.of(1, 2), Tuple.of(1, 3)))).in((a, v) -> set(a, 14, v))
                .use(Arbitraries.frequency(List.of(Tuple.of(6, 0), Tuple.of(3, 1), Tuple.of(1, 2))))
                .in((a, v) -> set(a, 15, v))
                .use(Arbitraries.integers().between(0, 2)).in((a, v) -> set(a, 16, v))
                .use(Arbitraries.frequency(List.of(Tuple.of(20, 0), Tuple.of(1, 1), Tuple.of(1, 2))))
                .in((a, v) -> set(a, 17, v))
                .build(a -> new Fuzz((Integer) a[0], (Boolean) a[1], (Integer) a[2], (Integer) a[3], (Boolean) a[4],
                        cast(a[5]), (Integer) a[6], (Integer) a[7], (Integer) a[8], (Boolean) a[9], (byte[]) a[10],
                        (Integer) a[11], (Integer) a[12], (Integer) a[13], (Integer) a[14], (Integer) a[15],
                        (Integer) a[16], (Integer) a[17]));
    }

    private static Object[] set(Object[] values, int index, Object value) {
        values[index] = value;
        return values;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> cast(Object list) {
        return (List<Integer>) list;
    }

    @Property(seed = "20261130", edgeCases = EdgeCasesMode.NONE)
    void no_request_gets_a_5xx_a_stack_trace_or_a_partial_write(@ForAll("requests") Fuzz fuzz) {
        Map<String, Long> before = collection.rowCounts();
        Sent sent = send(fuzz);

        assertThat(sent.answer().status()).as(sent.description()).isLessThan(500);
        assertThat(STACK_TRACE.matcher(sent.answer().body()).find()).as("stack trace in " + sent.description()
                + ":\n" + sent.answer().body()).isFalse();
        if (sent.answer().status() >= 400) {
            assertThat(collection.rowCounts()).as("tables after refused " + sent.description()).isEqualTo(before);
        }
    }

    @Property(tries = 1)
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
