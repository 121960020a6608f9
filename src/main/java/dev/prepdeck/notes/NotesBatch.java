package dev.prepdeck.notes;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.web.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Notes read together for one import (a file, a folder of notes, an uploaded zip, or several of them), with the
 * images they show. Every file is read before anything is written, so one that cannot be read (file:line) stops
 * the whole import and nothing is half-written.
 *
 * <p>Each file is known by its source name: a file given alone by its file name, a file in a folder or zip by its
 * path from the folder's top. Importing the same notes again, from the folder or from a zip of it, updates the
 * same decks.
 */
public final class NotesBatch {
    private final String deckPrefix;
    private final NotesImages disk = NotesImages.onDisk();
    private final Map<String, NotesImport> imports = new LinkedHashMap<>();
    private final Map<String, byte[]> media = new LinkedHashMap<>();

    public NotesBatch(String deckPrefix) {
        this.deckPrefix = deckPrefix;
    }

    /**
     * Adds a notes file, every notes file below a folder ({@link NotesFiles#isNotesFile}), or a .zip of a
     * notes folder, as {@code prepdeck notes import} is given them.
     *
     * @throws NotesFormatException  a notes file that cannot be read, as file:line
     * @throws InvalidInputException a zip that is refused, or two notes files with one source name
     */
    public void add(Path path) throws NotesFormatException, IOException {
        if (Files.isDirectory(path)) {
            addFolder(path);
        } else if (NotesImages.extension(path.getFileName().toString()).equals("zip")) {
            try (InputStream in = Files.newInputStream(path)) {
                addZip(NotesZip.read(path.getFileName().toString(), in, Files.size(path)));
            }
        } else {
            addFile(path.getFileName().toString(), path);
        }
    }

    private void addFolder(Path folder) throws NotesFormatException, IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> NotesFiles.isNotesFile(relative(folder, p)))
                    .sorted().toList();
        }
        for (Path file : files) {
            addFile(relative(folder, file), file);
        }
    }

    private void addFile(String name, Path file) throws NotesFormatException, IOException {
        long size = Files.size(file);
        if (size > NotesReader.MAX_BYTES) {
            throw NotesReader.tooLarge(name, size);
        }
        put(name, new NotesReader().read(name, Files.readAllBytes(file), NotesReader.Format.AUTO, deckPrefix, disk,
                disk.pathOf(file)));
        addMedia(disk.found(), name);
    }

    /** Adds every notes file of an uploaded or given zip, its images looked for inside it. */
    public void addZip(NotesZip zip) throws NotesFormatException {
        NotesImages images = NotesImages.in(zip);
        List<String> notes = zip.notesFiles();
        if (notes.isEmpty()) {
            throw Messages.invalid("file", "notes.error.noNotesInZip", zip.fileName());
        }
        for (String path : notes) {
            String name = zip.fromTop(path);
            put(name, new NotesReader().read(name, zip.notes(path), NotesReader.Format.AUTO, deckPrefix, images, path));
        }
        addMedia(images.found(), zip.fileName());
    }

    /**
     * Adds one notes file that comes without the files around it (a single upload, pasted text): each image it
     * shows is missing, for the reason given.
     */
    public void addAlone(String name, byte[] bytes, NotesReader.Format format, String whyNoImages)
            throws NotesFormatException {
        put(name, new NotesReader().read(name, bytes, format, deckPrefix, NotesImages.none(whyNoImages), null));
    }

    private void put(String name, NotesImport result) {
        if (imports.putIfAbsent(name, result) != null) {
            throw Messages.invalid("file", "notes.error.sameName", name);
        }
    }

    /** Images found in two places under one name must be the same file, or the cards of one would show the other. */
    private void addMedia(Map<String, byte[]> found, String from) {
        found.forEach((name, bytes) -> {
            byte[] known = media.putIfAbsent(name, bytes);
            if (known != null && !Arrays.equals(known, bytes)) {
                throw Messages.invalid("file", "notes.error.imageDiffers", from, name);
            }
        });
    }

    /** Each notes file's result by its source name, in the order read. */
    public Map<String, NotesImport> imports() {
        return imports;
    }

    /** Every image found beside the notes, by the name their cards show it under. */
    public Map<String, byte[]> media() {
        return media;
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }
}
