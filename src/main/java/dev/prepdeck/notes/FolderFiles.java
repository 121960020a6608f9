package dev.prepdeck.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files on disk, addressed from the file system's root: what {@code prepdeck notes import} reads. */
final class FolderFiles implements NotesFiles {
    /** A search by name stops here, so a notes file at the top of a home folder does not walk the whole disk. */
    private static final int MAX_DEPTH = 8;
    private static final long MAX_VISITED = 20_000;

    private final Path root;

    FolderFiles(Path root) {
        this.root = root;
    }

    /** The path of {@code file} in this view, or null when it lies on another root (another drive). */
    String pathOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.getRoot().equals(root)) {
            return null;
        }
        return root.relativize(absolute).toString().replace('\\', '/');
    }

    private Path at(String path) {
        return root.resolve(path);
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(at(path));
    }

    @Override
    public boolean isFolder(String path) {
        return Files.isDirectory(at(path));
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(at(path));
    }

    @Override
    public byte[] read(String path) throws IOException {
        return Files.readAllBytes(at(path));
    }

    @Override
    public List<String> filesNamed(String folder, String name) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(at(folder), MAX_DEPTH, new FileVisitOption[0])) {
            walk.limit(MAX_VISITED)
                    .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .forEach(p -> found.add(pathOf(p)));
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder on the way: what was found before it still counts
        }
        found.sort(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(Comparator.naturalOrder()));
        return found;
    }

    @Override
    public String defaultRoot(String notesFolder) {
        return notesFolder;
    }

    @Override
    public String shown(String path) {
        return at(path).toString();
    }
}
