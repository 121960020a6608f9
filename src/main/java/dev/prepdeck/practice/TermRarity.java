package dev.prepdeck.practice;

import dev.prepdeck.deck.file.CardSource;
import dev.prepdeck.deck.file.DeckFileParser;
import dev.prepdeck.deck.file.DeckFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How rare each term is across the key points of the shipped decks: a term found in many points ("model", "git",
 * 表) says little about which point an answer covers, one found in a few ("canary", 暂存区) says a lot. A term the
 * decks never use counts as rarest.
 */
public final class TermRarity {
    /** Where the build puts the shipped decks on the classpath (see the pom's resources). */
    private static final String SHIPPED_DECKS = "shipped-decks";

    private final Map<String, Integer> pointsWithTerm;
    private final int points;

    TermRarity(Map<String, Integer> pointsWithTerm, int points) {
        this.pointsWithTerm = Map.copyOf(pointsWithTerm);
        this.points = points;
    }

    /** Rarity over these key points, each a set of term keys. */
    static TermRarity of(Collection<Set<String>> pointKeys) {
        Map<String, Integer> counts = new HashMap<>();
        pointKeys.forEach(keys -> keys.forEach(k -> counts.merge(k, 1, Integer::sum)));
        return new TermRarity(counts, pointKeys.size());
    }

    /** Rarity over the key points of the decks built into the application. */
    public static TermRarity shipped(TermAnalyzer analyzer) {
        List<Set<String>> pointKeys = new ArrayList<>();
        DeckFileParser parser = new DeckFileParser();
        forEachShippedDeck(file -> {
            try {
                for (CardSource card : parser.parse(file.getFileName().toString(), Files.readAllBytes(file)).cards()) {
                    for (String point : KeyPoints.of(card.answer())) {
                        Set<String> keys = new HashSet<>();
                        analyzer.terms(point).forEach(t -> keys.add(t.key()));
                        pointKeys.add(keys);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DeckFormatException e) {
                throw new IllegalStateException("a built-in deck does not parse: " + e.getMessage(), e);
            }
        });
        return of(pointKeys);
    }

    private interface DeckFileVisitor {
        void visit(Path file) throws IOException;
    }

    private static void forEachShippedDeck(DeckFileVisitor visitor) {
        URL url = TermRarity.class.getClassLoader().getResource(SHIPPED_DECKS);
        if (url == null) {
            throw new IllegalStateException("the built-in decks are missing from this build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // Someone else has the jar open (the deck import at start-up): read through theirs, leave it open.
                    visitFolder(FileSystems.getFileSystem(uri).getPath("/" + SHIPPED_DECKS), visitor);
                    return;
                }
                try (jar) {
                    visitFolder(jar.getPath("/" + SHIPPED_DECKS), visitor);
                }
            } else {
                visitFolder(Path.of(uri), visitor);
            }
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the built-in decks: " + e.getMessage(), e));
        }
    }

    private static void visitFolder(Path folder, DeckFileVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                visitor.visit(file);
            }
        }
    }

    /** 1 for a term no point uses, falling towards 0 as more points use it (a smoothed, scaled IDF). */
    public double of(String key) {
        int with = pointsWithTerm.getOrDefault(key, 0);
        return Math.log(1 + points / (1.0 + with)) / Math.log(1 + points);
    }
}
