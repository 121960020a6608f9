package dev.prepdeck.notes;

import java.io.IOException;
import java.util.List;

/**
 * The files around the notes being imported, where their images are looked for: a folder on disk or an uploaded
 * .zip. Paths are '/'-separated and normalised (no "." or ".." segments, no leading '/'); "" is the top.
 */
interface NotesFiles {
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
