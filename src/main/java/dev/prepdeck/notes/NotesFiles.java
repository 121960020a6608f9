package dev.prepdeck.notes;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The files around the notes being imported, where their images are looked for: a folder on disk or an uploaded
 * .zip. Paths are '/'-separated and normalised (no "." or ".." segments, no leading '/'); "" is the top.
 */
interface NotesFiles {
    Set<String> NOTES_EXTENSIONS = Set.of("rst", "rest", "md", "markdown", "txt");
    /** Folders of a Sphinx project or a vault that hold no notes of the person's own. */
    Set<String> NOT_NOTES = Set.of("_build", "_static", "_templates", "build", "node_modules", "venv", ".venv");

    /**
     * True for the files of a notes folder a person would import: .rst, .rest, .md, .markdown and .txt files
     * outside build output, static files, templates and hidden files and folders ({@code path} from the folder's top).
     */
    static boolean isNotesFile(String path) {
        return NOTES_EXTENSIONS.contains(NotesImages.extension(path))
                && Arrays.stream(path.split("/")).noneMatch(part -> NOT_NOTES.contains(part) || part.startsWith("."));
    }

    boolean isFile(String path);

    boolean isFolder(String path);

    long size(String path) throws IOException;

    byte[] read(String path) throws IOException;

    /** Every file called {@code name} below {@code folder}, nearest first (fewest folders between, then by path). */
    List<String> filesNamed(String folder, String name);

    /** The folder that stands for the notes' own top when no conf.py or .obsidian folder marks one. */
    String defaultRoot(String notesFolder);

    /** The path as a person finds it: absolute on disk, inside the archive for a zip. */
    String shown(String path);
}
