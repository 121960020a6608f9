package dev.prepdeck.media;

import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.Notice;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The images and sounds cards show, kept in the database so a backup is one file.
 *
 * <p>A name, once given to some bytes, stands for those bytes for good: storing other bytes under a taken name
 * stores them under that name with a suffix from their digest instead, and {@link #deleteUnused} drops only the
 * bytes, keeping the name's digest. So {@code /media/NAME} may be cached by browsers for a year, and a deck
 * imported twice finds its files already there. The same bytes under two names are stored twice: names are what
 * Markdown and exported folders use, and merging them would rewrite people's deck files behind their back.
 *
 * <p>Methods that take a {@link Handle} join the caller's transaction, so media arrive with the cards that show
 * them or not at all.
 */
public final class MediaStore {
    /** The largest file accepted; a screenshot or a minute of speech fits easily. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final Jdbi jdbi;
    private final MediaRepository media = new MediaRepository();
    private final Clock clock;

    public MediaStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores {@code bytes} as the media file {@code requestedName} and returns the name to reference it by: the
     * requested name tidied (letters of any script, digits, '.', '-' and '_' kept, every other run of characters
     * made one '-', at most 120 bytes of UTF-8, the type's extension added when it has none), or,
     * when that name already holds other bytes, the same with {@code -} and the start of the bytes' SHA-256 before
     * the extension. Storing the same bytes under the same name again changes nothing.
     *
     * @throws InvalidInputException naming the file when it is empty, larger than {@link #MAX_BYTES}, not one of
     *                               the {@link MediaType}s, named with another kind's extension, or named with a path
     */
    public StoredMedia put(Handle h, String requestedName, byte[] bytes) {
        String shown = requestedName == null ? "" : MediaNames.printable(requestedName);
        if (bytes.length == 0) {
            throw MediaNames.invalid("empty", shown);
        }
        if (bytes.length > MAX_BYTES) {
            throw MediaNames.invalid("tooLarge", shown, megabytes(bytes.length), megabytes(MAX_BYTES));
        }
        MediaType type = MediaType.sniff(bytes).orElseThrow(() ->
                MediaNames.invalid("unknownType", shown, MediaType.ALLOWED));
        String name = withExtension(MediaNames.normalise(requestedName), type, shown);
        String sha256 = sha256(bytes);
        for (String candidate : candidates(name, sha256)) {
            Optional<MediaRepository.Binding> bound = media.binding(h, candidate);
            if (bound.isEmpty()) {
                media.insert(h, candidate, type, sha256, bytes, clock.millis());
                return new StoredMedia(candidate, type, sha256, bytes.length);
            }
            if (bound.get().sha256().equals(sha256)) {
                if (!bound.get().hasBytes()) {
                    media.restore(h, candidate, bytes);
                }
                return new StoredMedia(candidate, type, sha256, bytes.length);
            }
        }
        throw new IllegalStateException("two different files share the SHA-256 " + sha256);
    }

    /** Why a file of {@code size} bytes is refused, for callers that check the size before reading a file. */
    public static Notice tooLarge(long size) {
        return Notice.of("media.error.sizeTooLarge", megabytes(size), megabytes(MAX_BYTES));
    }

    /** True when a file is stored under exactly this name (with its bytes: not deleted as unused). */
    public boolean exists(Handle h, String name) {
        return media.find(h, name).isPresent();
    }

    public Optional<byte[]> bytes(Handle h, String name) {
        return media.bytes(h, name);
    }

    /** The file stored under exactly this name, without its bytes, in a read of its own (as served). */
    public Optional<StoredMedia> find(String name) {
        return jdbi.withHandle(h -> media.find(h, name));
    }

    /** As {@link #bytes(Handle, String)}, in a read of its own. */
    public Optional<byte[]> bytes(String name) {
        return jdbi.withHandle(h -> media.bytes(h, name));
    }

    /** True when the bytes of some file are kept, so there may be unused ones to delete. */
    public boolean keepsAny(Handle h) {
        return media.keepsAny(h);
    }

    /**
     * Deletes the bytes of every stored file whose name is not in {@code inUse} and returns their names. The
     * names stay bound to their digests, so a name never comes back meaning other bytes.
     */
    public List<String> deleteUnused(Handle h, Set<String> inUse) {
        List<String> unused = unused(h, inUse);
        media.retire(h, unused);
        return unused;
    }

    /** The names of stored files whose bytes are kept although their name is not in {@code inUse}. */
    public List<String> unused(Handle h, Set<String> inUse) {
        List<String> unused = new ArrayList<>();
        for (String name : media.keptNames(h)) {
            if (!inUse.contains(name)) {
                unused.add(name);
            }
        }
        return unused;
    }

    /** A name whose extension fits the content keeps it; one without a media extension gets the type's. */
    private static String withExtension(String name, MediaType type, String shown) {
        String extension = MediaNames.extension(name);
        if (!extension.isEmpty() && type.fitsExtension(extension)) {
            return name;
        }
        for (MediaType other : MediaType.values()) {
            if (other.fitsExtension(extension)) {
                throw MediaNames.invalid("wrongExtension", shown, extension.toLowerCase(Locale.ROOT),
                        type.contentType(), type.extension());
            }
        }
        return name + "." + type.extension();
    }

    /** The name itself, then the name with ever longer digest suffixes; the last cannot be taken by other bytes. */
    private static List<String> candidates(String name, String sha256) {
        String stem = MediaNames.stem(name);
        String extension = name.substring(stem.length());
        return List.of(name, stem + "-" + sha256.substring(0, 8) + extension,
                stem + "-" + sha256.substring(0, 16) + extension, stem + "-" + sha256 + extension);
    }

    /** Rounded up, so a file just over the limit never reads as the limit itself. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", Math.ceil(bytes / (1024.0 * 1024.0) * 10) / 10);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
