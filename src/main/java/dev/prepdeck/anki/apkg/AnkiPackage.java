package dev.prepdeck.anki.apkg;

import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.error.Notice;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An opened .apkg or .colpkg: its collection, in a temporary file read a page of cards at a time (or whole, for a
 * small one), and the media files, read from the archive only when asked for (each read is held to the package's
 * limits). Close it to release the archive and delete the temporary file.
 */
public final class AnkiPackage implements AutoCloseable {
    private final PackageVersion version;
    private final CollectionReader reader;
    private final Path collectionFile;
    private final Map<String, String> mediaEntries;
    private final List<Notice> warnings;
    private final GuardedZip zip;
    private AnkiCollection whole;

    AnkiPackage(PackageVersion version, CollectionReader reader, Path collectionFile, Map<String, String> mediaEntries,
            List<Notice> warnings, GuardedZip zip) {
        this.version = version;
        this.reader = reader;
        this.collectionFile = collectionFile;
        this.mediaEntries = mediaEntries;
        this.warnings = List.copyOf(warnings);
        this.zip = zip;
    }

    public PackageVersion version() {
        return version;
    }

    /** The collection's schema (col.ver): 11 for legacy packages, 18 for current ones. */
    public int schemaVersion() {
        return reader.schemaVersion();
    }

    /** The whole collection in memory, read on first use: for a small package (an import reads pages). */
    public AnkiCollection collection() {
        if (whole == null) {
            whole = reader.whole();
        }
        return whole;
    }

    /**
     * Hands over the collection {@code size} cards at a time in Anki's note order (note id, then template), each page
     * with its cards' notes and reviews and the collection's note types and decks.
     *
     * @throws AnkiFormatException naming the package when a page cannot be read
     */
    public void forEachPage(int size, Consumer<AnkiCollection> action) {
        reader.forEachPage(size, action);
    }

    /** Media file names in the package's media map order. */
    public List<String> mediaNames() {
        return List.copyOf(mediaEntries.keySet());
    }

    public boolean hasMedia(String name) {
        return mediaEntries.containsKey(name);
    }

    /** Things that were skipped without failing the package, e.g. a media map entry whose file is missing. */
    public List<Notice> warnings() {
        return warnings;
    }

    /** The media file's bytes as a stream (decompressed); the caller closes it. */
    public InputStream openMedia(String name) {
        String entry = mediaEntries.get(name);
        if (entry == null) {
            throw AnkiFormatException.worded("noMediaFile", zip.fileName(), name);
        }
        return zip.open(entry, version.zstd());
    }

    public byte[] readMedia(String name) {
        String entry = mediaEntries.get(name);
        if (entry == null) {
            throw AnkiFormatException.worded("noMediaFile", zip.fileName(), name);
        }
        return zip.read(entry, version.zstd());
    }

    public List<MediaFile> readAllMedia() {
        List<MediaFile> files = new ArrayList<>(mediaEntries.size());
        for (String name : mediaEntries.keySet()) {
            files.add(new MediaFile(name, readMedia(name)));
        }
        return files;
    }

    @Override
    public void close() {
        reader.close();
        PackageReader.deleteQuietly(collectionFile);
        zip.close();
    }
}
