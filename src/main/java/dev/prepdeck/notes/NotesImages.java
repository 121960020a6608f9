package dev.prepdeck.notes;

import dev.prepdeck.media.MediaStore;
import dev.prepdeck.media.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the image files notes show, the way Sphinx (and Obsidian) would, and names them for the media folder.
 *
 * <p>A path is looked for, in order: relative to the notes file (a leading '/' from the source root); then, with
 * its leading '/', './' and '../' taken off, from the source root and from {@code _static/} under it, because
 * notes often write {@code ../../_static/x.png} from a page less deep than the one they copied it from; then, for
 * a bare file name, anywhere below the source root, nearest first, as Obsidian finds {@code ![[x.png]]}. The source
 * root is the nearest folder, from the notes file's up, that holds {@code conf.py} (Sphinx) or {@code .obsidian}
 * (a vault); without one, the notes file's folder (on disk) or the top folder of an uploaded zip.
 *
 * <p>One instance serves one import, so two images with the same file name and different content get different
 * names ({@code x.png}, then {@code x-1a2b3c4d.png}) and the same file found from two notes files gets one.
 */
public final class NotesImages {
    private static final Pattern SCHEME = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:.*");
    private static final Pattern REMOTE = Pattern.compile("(?i)^https?://.*");
    private static final int MAX_STEM = 80;

    private final NotesFiles files;
    private final String unavailable;
    private final Map<String, String> nameByPath = new LinkedHashMap<>();
    private final Map<String, byte[]> bytesByName = new LinkedHashMap<>();
    private final Map<String, String> digestByName = new LinkedHashMap<>();

    private NotesImages(NotesFiles files, String unavailable) {
        this.files = files;
        this.unavailable = unavailable;
    }

    /** Images next to notes files on disk, for {@code prepdeck notes import}. */
    public static NotesImages onDisk() {
        return new NotesImages(new FolderFiles(Path.of("").toAbsolutePath().getRoot()), null);
    }

    /**
     * Images inside an uploaded notes folder. Every image in it is named up front, in path order, so a name means the
     * same file whichever notes files are chosen from the zip.
     */
    public static NotesImages in(NotesZip zip) {
        NotesImages images = new NotesImages(zip, null);
        for (String path : zip.imagePaths()) {
            images.load(path);
        }
        return images;
    }

    /**
     * No files at all beside the notes (a single uploaded file, pasted text): every image is missing, for the warning
     * {@code notes.warning.image.<reason>}.
     */
    public static NotesImages none(String reason) {
        return new NotesImages(null, reason);
    }

    /** The path a notes file on disk has in {@link #onDisk()}'s view, or null when none (another drive). */
    public String pathOf(Path notesFile) {
        return files instanceof FolderFiles folder ? folder.pathOf(notesFile) : null;
    }

    /** Every image found so far (in a zip: every image it holds), by the name it is stored under. */
    public Map<String, byte[]> found() {
        return Map.copyOf(bytesByName);
    }

    /** The image stored under {@code name}, if one was found. */
    public Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(bytesByName.get(name));
    }

    /** Where one image went: a media name, a web address kept as a link, or why it could not be brought in. */
    sealed interface Lookup permits Found, Remote, Missing {
    }

    record Found(String name) implements Lookup {
    }

    record Remote(String url) implements Lookup {
    }

    /**
     * Why an image is not brought in: {@code problem} names the warning {@code notes.warning.image.<problem>}, whose
     * {4}, {5}... are the {@code details} (after the file, line, image as written and what the card shows).
     */
    record Missing(String problem, List<String> details) implements Lookup {
        Missing(String problem, String... details) {
            this(problem, List.of(details));
        }
    }

    /** Looks for the image {@code target} shown by the notes file at {@code notesPath} (null: not in the view). */
    Lookup find(String notesPath, String target) {
        String written = target.strip();
        if (REMOTE.matcher(written).matches()) {
            return new Remote(written);
        }
        if (SCHEME.matcher(written).matches() && !written.matches("(?i)^[a-z]:[/\\\\].*")) {
            if (written.regionMatches(true, 0, "data:", 0, 5)) {
                return new Missing("dataAddress");
            }
            return new Missing("notAPath");
        }
        if (files == null || notesPath == null) {
            if (unavailable == null) {
                return new Missing("folderUnsearchable");
            }
            return new Missing(unavailable);
        }
        String path = percentDecoded(written.replaceAll("[?#].*$", "")).replace('\\', '/');
        if (path.isBlank()) {
            return new Missing("noFileName");
        }
        String notesFolder = parent(notesPath);
        String root = sourceRoot(notesFolder);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(path.startsWith("/") ? join(root, path.substring(1)) : join(notesFolder, path));
        String rest = path.replaceFirst("^(?:/|\\./|\\.\\./)+", "");
        candidates.add(join(root, rest));
        if (!rest.startsWith("_static/")) {
            candidates.add(join(root, "_static/" + rest));
        }
        if (!rest.contains("/")) {
            candidates.addAll(files.filesNamed(root, rest));
        }
        candidates.remove(null);
        for (String candidate : candidates) {
            if (files.isFile(candidate)) {
                return load(candidate);
            }
        }
        List<String> shown = candidates.stream().limit(3).map(files::shown).toList();
        if (shown.isEmpty()) {
            return new Missing("noSuchFile");
        }
        return new Missing("noSuchFileLookedFor", String.join(", ", shown));
    }

    /** The nearest folder from the notes' own up that Sphinx or Obsidian treats as the top of the notes. */
    private String sourceRoot(String notesFolder) {
        for (String folder = notesFolder; ; folder = parent(folder)) {
            if (files.isFile(join(folder, "conf.py")) || files.isFolder(join(folder, ".obsidian"))) {
                return folder;
            }
            if (folder.isEmpty()) {
                return files.defaultRoot(notesFolder);
            }
        }
    }

    private Lookup load(String path) {
        String known = nameByPath.get(path);
        if (known != null) {
            return new Found(known);
        }
        byte[] bytes;
        try {
            long size = files.size(path);
            if (size > MediaStore.MAX_BYTES) {
                return new Missing("tooLarge", files.shown(path), MediaStore.megabytes(size),
                        MediaStore.megabytes(MediaStore.MAX_BYTES));
            }
            bytes = files.read(path);
        } catch (IOException e) {
            return new Missing("unreadable", files.shown(path), String.valueOf(e.getMessage()));
        }
        Optional<MediaType> type = MediaType.sniff(bytes)
                .filter(t -> t.kind() == MediaType.Kind.IMAGE || t.kind() == MediaType.Kind.DRAWING);
        if (type.isEmpty()) {
            return new Missing("notAnImage", files.shown(path));
        }
        String name = name(path, bytes, type.get());
        nameByPath.put(path, name);
        return new Found(name);
    }

    /**
     * The file's name, tidied to what a Markdown reference and a URL read the same (letters of any script,
     * digits, '.', '-', '_'), with the type's extension when its own does not fit; taken by other bytes in this
     * import, the name with the start of the bytes' SHA-256 added.
     */
    private String name(String path, byte[] bytes, MediaType type) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String stem = tidy(dot > 0 ? base.substring(0, dot) : base);
        String extension = dot > 0 ? base.substring(dot + 1) : "";
        if (!type.fitsExtension(extension)) {
            extension = type.extension();
        }
        stem = stem.isEmpty() ? "image" : stem.substring(0, Math.min(stem.length(), MAX_STEM));
        String digest = sha256(bytes);
        for (String candidate : List.of(stem + "." + extension, stem + "-" + digest.substring(0, 8) + "." + extension,
                stem + "-" + digest + "." + extension)) {
            String taken = digestByName.get(candidate);
            if (taken == null) {
                digestByName.put(candidate, digest);
                bytesByName.put(candidate, bytes);
                return candidate;
            }
            if (taken.equals(digest)) {
                return candidate;
            }
        }
        throw new IllegalStateException("two different images share the SHA-256 " + digest);
    }

    private static String tidy(String stem) {
        StringBuilder out = new StringBuilder();
        stem.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_') {
                out.appendCodePoint(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
                out.append('-');
            }
        });
        return out.toString().replaceAll("^[-._]+|[-._]+$", "");
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** {@code relative} from {@code folder}, normalised; null when it climbs above the top of the view. */
    static String join(String folder, String relative) {
        List<String> parts = new ArrayList<>();
        for (String part : (folder + "/" + relative).split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** Percent-escapes decoded as UTF-8 (Markdown writes spaces as %20); the text as written when they do not decode. */
    private static String percentDecoded(String text) {
        if (!text.matches(".*%[0-9A-Fa-f]{2}.*")) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length && Character.digit(utf8[i + 1], 16) >= 0
                    && Character.digit(utf8[i + 2], 16) >= 0) {
                bytes.write(Character.digit(utf8[i + 1], 16) * 16 + Character.digit(utf8[i + 2], 16));
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return text;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Lower-case extension of a path, for telling images from other files by name. */
    static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < path.lastIndexOf('/') + 1 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
