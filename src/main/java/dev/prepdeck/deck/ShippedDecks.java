package dev.prepdeck.deck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The decks built into the jar, so prepdeck has something to study when started from any folder. */
public final class ShippedDecks {
    static final String RESOURCE_FOLDER = "shipped-decks";

    private ShippedDecks() {
    }

    /** Imports the built-in decks; they sit in a folder on the classpath (inside the jar once packaged). */
    public static SyncReport importInto(DeckSync sync) {
        URL url = ShippedDecks.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (url == null) {
            throw new IllegalStateException("the built-in decks are missing from this build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return sync.importFolder(jar.getPath("/" + RESOURCE_FOLDER));
                }
            }
            return sync.importFolder(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the built-in decks: " + e.getMessage(), e));
        }
    }
}
