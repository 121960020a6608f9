package dev.prepdeck.notes;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.web.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * An uploaded .zip of a notes folder (notes files with their conf.py, _static and images), checked as it is opened
 * and then held in memory. Only notes files and images are read; every other entry is known by its name (a
 * conf.py or .obsidian folder marks the notes' top). A zip past any limit, with an entry whose name leaves the
 * folder or is not UTF-8, or that cannot be read, is refused whole with a message naming the problem.
 */
public final class NotesZip implements NotesFiles {
    public static final long MAX_ZIP_BYTES = 50L << 20;
    static final int MAX_ENTRIES = 2_000;
    static final long MAX_ENTRY_BYTES = MediaStore.MAX_BYTES;
    static final long MAX_TOTAL_BYTES = 100L << 20;
    static final int MAX_RATIO = 100;
    /** Small files may compress very well (a blank SVG); a bomb is only a bomb once it is big. */
    static final long RATIO_FREE_BYTES = 1L << 20;

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "svg");

    private final String fileName;
    private final Map<String, byte[]> read;
    private final Map<String, Long> sizes;
    private final Set<String> folders;
    private final String top;

    private NotesZip(String fileName, Map<String, byte[]> read, Map<String, Long> sizes, Set<String> folders) {
        this.fileName = fileName;
        this.read = read;
        this.sizes = sizes;
        this.folders = folders;
        this.top = topFolder(sizes.keySet());
    }

    /**
     * Reads an upload of {@code size} bytes named {@code fileName}.
     *
     * @throws InvalidInputException naming the problem and the entry; nothing of the zip is kept
     */
    public static NotesZip read(String fileName, InputStream upload, long size) {
        if (size > MAX_ZIP_BYTES) {
            throw refused("tooLarge", fileName, megabytes(size), megabytes(MAX_ZIP_BYTES));
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("prepdeck-notes-", ".zip");
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[1 << 16];
                long copied = 0;
                for (int n = upload.read(buffer); n >= 0; n = upload.read(buffer)) {
                    copied += n;
                    if (copied > MAX_ZIP_BYTES) {
                        throw refused("grewTooLarge", fileName, megabytes(MAX_ZIP_BYTES));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return open(fileName, temp);
        } catch (IOException e) {
            throw refused("unreadable", fileName, String.valueOf(e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    temp.toFile().deleteOnExit();
                }
            }
        }
    }

    private static NotesZip open(String fileName, Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            if (String.valueOf(e.getMessage()).contains("bad entry name")) {
                throw refused("encoding", fileName);
            }
            throw refused("damaged", fileName, String.valueOf(e.getMessage()));
        }
        try (zip) {
            if (zip.size() > MAX_ENTRIES) {
                throw refused("tooManyEntries", fileName, String.valueOf(zip.size()), String.valueOf(MAX_ENTRIES));
            }
            Map<String, ZipEntry> entries = new HashMap<>();
            Set<String> folders = new HashSet<>();
            long declared = 0;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String path = safePath(fileName, entry.getName());
                if (entry.isDirectory()) {
                    folders.add(path);
                    continue;
                }
                if (ignored(path)) {
                    continue;
                }
                if (entries.putIfAbsent(path, entry) != null) {
                    throw refused("twice", fileName, path);
                }
                checkSize(fileName, path, entry.getSize(), entry.getCompressedSize());
                declared += Math.max(entry.getSize(), 0);
                if (declared > MAX_TOTAL_BYTES) {
                    throw tooBig(fileName);
                }
            }
            Map<String, byte[]> read = new HashMap<>();
            Map<String, Long> sizes = new HashMap<>();
            long total = 0;
            for (Map.Entry<String, ZipEntry> e : entries.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                String path = e.getKey();
                for (String folder = NotesImages.parent(path); !folder.isEmpty(); folder = NotesImages.parent(folder)) {
                    folders.add(folder);
                }
                sizes.put(path, Math.max(e.getValue().getSize(), 0));
                if (!isNotes(path) && !isImage(path)) {
                    continue;
                }
                byte[] bytes = readEntry(fileName, zip, e.getValue(), path);
                total += bytes.length;
                if (total > MAX_TOTAL_BYTES) {
                    throw tooBig(fileName);
                }
                read.put(path, bytes);
                sizes.put(path, (long) bytes.length);
            }
            folders.remove("");
            return new NotesZip(fileName, read, sizes, folders);
        }
    }

    /** The entry's name as a path inside the folder; a name that leaves it, or hides characters, refuses the zip. */
    private static String safePath(String fileName, String name) {
        String path = name.replace('\\', '/');
        if (path.codePoints().anyMatch(Character::isISOControl)) {
            throw refused("controlCharacters", fileName);
        }
        if (path.startsWith("/") || path.matches("(?i)^[a-z]:.*")) {
            throw refused("absolute", fileName, name);
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                throw refused("outside", fileName, name);
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** What zip tools add beside the files: macOS resource forks and folder settings. */
    private static boolean ignored(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("__MACOSX/") || base.startsWith("._") || base.equals(".DS_Store")
                || base.equals("Thumbs.db");
    }

    private static void checkSize(String fileName, String path, long size, long compressed) {
        if (size > MAX_ENTRY_BYTES) {
            throw refused("entryTooLarge", fileName, path, megabytes(size), megabytes(MAX_ENTRY_BYTES));
        }
        if (size > RATIO_FREE_BYTES && compressed > 0 && size / compressed > MAX_RATIO) {
            throw bomb(fileName, path);
        }
    }

    private static byte[] readEntry(String fileName, ZipFile zip, ZipEntry entry, String path) {
        try (InputStream in = new Counted(zip.getInputStream(entry), fileName, path, entry.getCompressedSize())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw refused("entryUnreadable", fileName, path, String.valueOf(e.getMessage()));
        }
    }

    static boolean isNotes(String path) {
        return NotesFiles.NOTES_EXTENSIONS.contains(NotesImages.extension(path));
    }

    static boolean isImage(String path) {
        return IMAGE_EXTENSIONS.contains(NotesImages.extension(path));
    }

    /** The zip's name as uploaded. */
    public String fileName() {
        return fileName;
    }

    /** The notes files a person would import ({@link NotesFiles#isNotesFile}), in path order. */
    public List<String> notesFiles() {
        return read.keySet().stream().filter(p -> isNotes(p) && NotesFiles.isNotesFile(fromTop(p))).sorted().toList();
    }

    /** The path of an entry from the zip's top folder (the folder that was zipped), as a folder import names it. */
    public String fromTop(String path) {
        return top.isEmpty() ? path : path.substring(top.length() + 1);
    }

    /** The images the zip holds, in path order. */
    List<String> imagePaths() {
        return read.keySet().stream().filter(NotesZip::isImage).sorted().toList();
    }

    /** The bytes of a notes file the zip holds. */
    public byte[] notes(String path) {
        byte[] bytes = read.get(path);
        if (bytes == null || !isNotes(path)) {
            throw Messages.invalid("files", "notes.zip.noSuchFile", fileName, path);
        }
        return bytes;
    }

    /** Bytes held in memory, for the limit on uploads kept between the preview and the save. */
    public long heldBytes() {
        return read.values().stream().mapToLong(b -> b.length).sum();
    }

    @Override
    public boolean isFile(String path) {
        return sizes.containsKey(path);
    }

    @Override
    public boolean isFolder(String path) {
        return folders.contains(path);
    }

    @Override
    public long size(String path) {
        return sizes.getOrDefault(path, 0L);
    }

    @Override
    public byte[] read(String path) throws IOException {
        byte[] bytes = read.get(path);
        if (bytes == null) {
            throw new IOException("not an image or notes file");
        }
        return bytes;
    }

    @Override
    public List<String> filesNamed(String folder, String name) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        return sizes.keySet().stream()
                .filter(p -> p.startsWith(prefix) && p.substring(p.lastIndexOf('/') + 1).equals(name))
                .sorted(Comparator.comparingInt((String p) -> p.split("/").length).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** The folder every entry sits in, when the zip holds one folder; else the zip's own top. */
    @Override
    public String defaultRoot(String notesFolder) {
        return top;
    }

    @Override
    public String shown(String path) {
        return path;
    }

    private static String topFolder(Set<String> paths) {
        String top = null;
        for (String path : paths) {
            int slash = path.indexOf('/');
            String first = slash < 0 ? "" : path.substring(0, slash);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        return top == null ? "" : top;
    }

    /** The zip as a whole refused, with the sentence {@code notes.zip.<problem>}; its first argument is the zip. */
    private static InvalidInputException refused(String problem, Object... arguments) {
        return Messages.invalid("file", "notes.zip." + problem, arguments);
    }

    private static InvalidInputException tooBig(String fileName) {
        return refused("expandsTooMuch", fileName, megabytes(MAX_TOTAL_BYTES));
    }

    private static InvalidInputException bomb(String fileName, String path) {
        return refused("bomb", fileName, path, String.valueOf(MAX_RATIO));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", Math.ceil(bytes / (1024.0 * 1024.0) * 10) / 10);
    }

    /** Stops an entry that expands past its limits while it is read, whatever its header claimed. */
    private static final class Counted extends ProxyInputStream {
        private final String fileName;
        private final String path;
        private final long compressed;
        private long count;

        Counted(InputStream in, String fileName, String path, long compressed) {
            super(in);
            this.fileName = fileName;
            this.path = path;
            this.compressed = compressed;
        }

        @Override
        protected void afterRead(int n) {
            if (n > 0) {
                count += n;
                checkSize(fileName, path, count, compressed);
            }
        }
    }
}
