package dev.prepdeck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/** Temp-file databases and deck folders for tests; the learner's zone is UTC so days are predictable. */
public final class TestData {
    private TestData() {
    }

    public static Jdbi database(Path tempDir) {
        return TestDatabase.DEFAULT.open(tempDir);
    }

    public static Path write(Path folder, String name, String content) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single value of a query, typed, for assertions. */
    public static <T> T one(Jdbi jdbi, String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    public static <T> java.util.List<T> list(Jdbi jdbi, String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).list());
    }

    /** A small English deck with ids on two cards and none on the third. */
    public static final String NETWORKING_DECK = """
            # Interview::Networking

            Questions about how the web moves bytes.

            ## What does DNS do?
            <!-- id: net-dns -->
            <!-- tags: basics -->

            It turns a host name such as `example.org` into an IP address.

            ## Compare TCP and UDP.
            <!-- id: net-tcp-udp -->

            | | TCP | UDP |
            |---|---|---|
            | Delivery | ordered, retransmitted | best effort |
            | Setup | three-way handshake | none |

            ## Which HTTP method is idempotent but not safe?

            `PUT`: sending it twice leaves the same state, but it changes the server.
            """;

    /** A Chinese deck without ids, with a code block. */
    public static final String DATABASE_DECK = """
            # 数据库

            ## 什么是索引？

            索引是帮助数据库快速定位行的数据结构，常见的是 B+ 树。

            ## 如何查看查询计划？

            ```sql
            EXPLAIN SELECT * FROM orders WHERE user_id = 42;
            ```
            """;

    /** A parent deck with one card of its own; {@link #GIT_DECK} is its sub-deck. */
    public static final String TOOLS_DECK = """
            # Tools

            ## What is a tool?

            A thing.
            """;

    /** A sub-deck of {@link #TOOLS_DECK} with 14 new cards, as a user's Tools::Git looked. */
    public static final String GIT_DECK = "# Tools::Git\n\n" + java.util.stream.IntStream.rangeClosed(1, 14)
            .mapToObj(i -> "## What does git command number " + i + " do?\n\nSomething useful.\n\n")
            .collect(java.util.stream.Collectors.joining());
}
