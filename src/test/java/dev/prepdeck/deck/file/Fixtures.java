package dev.prepdeck.deck.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The hand-written deck files under src/test/resources/decks-fixtures. */
final class Fixtures {
    private Fixtures() {
    }

    static String text(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            return Path.of(Fixtures.class.getResource("/decks-fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
