package dev.prepdeck.anki.apkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prepdeck.anki.AnkiCard;
import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiDeck;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.AnkiNote;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.NoteType;
import dev.prepdeck.anki.RevlogEntry;
import dev.prepdeck.error.Notice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a collection as a legacy .apkg: {@code collection.anki2} at schema 11 with note types, decks and deck
 * options as JSON in the col row, numbered media entries and a JSON media map. This is the layout of Anki's "Support
 * older Anki versions" export, which every current Anki and AnkiDroid imports. The package is written to a temporary
 * file next to {@code out} and moved into place only when complete.
 */
public final class PackageWriter {
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    /** Copies one media file's bytes into the package, as they are stored. */
    @FunctionalInterface
    public interface MediaSource {
        void copy(String name, OutputStream out) throws IOException;
    }

    public PackageWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock stamps the collection's modification times */
    public PackageWriter(Clock clock) {
        this.clock = clock;
    }

    /** Writes a collection held in memory; a large one is written row by row with {@link CollectionFile} instead. */
    public void write(AnkiCollection collection, List<MediaFile> media, Path out) {
        check(collection);
        Path database = null;
        try {
            database = Files.createTempFile("prepdeck-anki-export-", ".anki2");
            Files.delete(database);
            try (CollectionFile file = CollectionFile.create(database, collection.timing(), collection.noteTypes(),
                    collection.decks(), clock)) {
                collection.notes().forEach(file::note);
                collection.cards().forEach(file::card);
                collection.revlog().forEach(file::revlog);
                file.finish();
            }
            Map<String, byte[]> contents = new HashMap<>();
            media.forEach(m -> contents.put(m.name(), m.content()));
            zip(database, media.stream().map(MediaFile::name).toList(), (name, to) -> to.write(contents.get(name)),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(database);
        }
    }

    /**
     * Zips a finished collection file and the named media files, read one at a time from {@code media}, into the
     * package {@code out}.
     *
     * @throws AnkiFormatException when a media name is not a plain file name or comes twice
     */
    public void zip(Path collection, List<String> mediaNames, MediaSource media, Path out) {
        Set<String> names = new HashSet<>();
        for (String name : mediaNames) {
            MediaNames.requireSafe(name, Notice.of("anki.error.exportPlace"));
            if (!names.add(name)) {
                throw AnkiFormatException.worded("exportMediaTwice", name);
            }
        }
        Path partial = null;
        try {
            Path parent = out.toAbsolutePath().getParent();
            partial = Files.createTempFile(parent, ".prepdeck-export-", ".apkg.part");
            try (OutputStream file = Files.newOutputStream(partial);
                 ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry(PackageVersion.LEGACY_1.collectionEntry()));
                Files.copy(collection, zip);
                zip.closeEntry();
                ObjectNode map = json.createObjectNode();
                for (int i = 0; i < mediaNames.size(); i++) {
                    zip.putNextEntry(new ZipEntry(String.valueOf(i)));
                    media.copy(mediaNames.get(i), zip);
                    zip.closeEntry();
                    map.put(String.valueOf(i), mediaNames.get(i));
                }
                zip.putNextEntry(new ZipEntry("media"));
                zip.write(json.writeValueAsBytes(map));
                zip.closeEntry();
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    /** Refuses a collection Anki's importer would reject or misread, naming the first problem found (media: {@link #zip}). */
    private static void check(AnkiCollection collection) {
        Map<Long, NoteType> types = collection.noteTypesById();
        Map<Long, AnkiNote> notes = collection.notesById();
        Map<Long, AnkiDeck> decks = collection.decksById();
        for (AnkiNote note : collection.notes()) {
            CollectionFile.typeOf(note, types);
        }
        Set<Long> cardIds = new HashSet<>();
        for (AnkiCard card : collection.cards()) {
            cardIds.add(card.id());
            AnkiNote note = notes.get(card.noteId());
            if (note == null) {
                throw AnkiFormatException.worded("exportNoNote", String.valueOf(card.id()), String.valueOf(card.noteId()));
            }
            if (!decks.containsKey(card.deckId())) {
                throw AnkiFormatException.worded("exportNoDeck", String.valueOf(card.id()), String.valueOf(card.deckId()));
            }
            NoteType type = types.get(note.noteTypeId());
            if (type.kind() == NoteType.Kind.STANDARD && card.ord() >= type.templates().size()) {
                throw AnkiFormatException.worded("exportNoTemplate", String.valueOf(card.id()), card.ord(), type.name(),
                        type.templates().size());
            }
        }
        Set<Long> revlogIds = new HashSet<>();
        for (RevlogEntry entry : collection.revlog()) {
            if (!cardIds.contains(entry.cardId())) {
                throw AnkiFormatException.worded("exportNoCard", String.valueOf(entry.id()), String.valueOf(entry.cardId()));
            }
            if (!revlogIds.add(entry.id())) {
                throw AnkiFormatException.worded("exportSharedReviewId", String.valueOf(entry.id()));
            }
        }
    }
}
