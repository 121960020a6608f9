package dev.prepdeck.anki.apkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.error.Notice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens Anki packages (.apkg decks and .colpkg collections) of all three versions (see {@link PackageVersion}).
 * The collection is copied to a temporary file for SQLite, read from there a page at a time (or whole, when asked)
 * until the package is closed, which deletes the file; media stay in the archive until asked for. Every problem is
 * an {@link AnkiFormatException} whose message names it.
 */
public final class PackageReader {
    private static final String META = "meta";
    private static final String MEDIA = "media";

    private final PackageLimits limits;
    /** Jackson's mapper, built when the first package is opened rather than when the app is wired. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public PackageReader() {
        this(PackageLimits.defaults());
    }

    public PackageReader(PackageLimits limits) {
        this.limits = limits;
    }

    public AnkiPackage open(Path file) {
        GuardedZip zip = GuardedZip.open(file, limits);
        Path temp = null;
        CollectionReader collection = null;
        try {
            PackageVersion version = version(zip);
            temp = copyCollection(zip, version);
            collection = CollectionReader.open(temp, zip.fileName() + ": " + version.collectionEntry());
            List<Notice> warnings = new ArrayList<>();
            Map<String, String> media = mediaEntries(zip, version, warnings);
            return new AnkiPackage(version, collection, temp, media, warnings, zip);
        } catch (RuntimeException e) {
            if (collection != null) {
                collection.close();
            }
            deleteQuietly(temp);
            zip.close();
            throw e;
        }
    }

    private PackageVersion version(GuardedZip zip) {
        if (zip.has(META)) {
            int version;
            try {
                version = PackageProtos.metaVersion(zip.read(META, false));
            } catch (IOException e) {
                throw AnkiFormatException.worded("metaDamaged", zip.fileName()).causedBy(e);
            }
            return switch (version) {
                case 1 -> PackageVersion.LEGACY_1;
                case 2 -> PackageVersion.LEGACY_2;
                case 3 -> PackageVersion.LATEST;
                default -> throw AnkiFormatException.worded("newerAnki", zip.fileName(), String.valueOf(version));
            };
        }
        if (zip.has(PackageVersion.LEGACY_2.collectionEntry())) {
            return PackageVersion.LEGACY_2;
        }
        if (zip.has(PackageVersion.LEGACY_1.collectionEntry())) {
            return PackageVersion.LEGACY_1;
        }
        throw AnkiFormatException.worded("notPackage", zip.fileName());
    }

    /** The package's collection in a temporary file of its own (deleted by the caller). */
    private static Path copyCollection(GuardedZip zip, PackageVersion version) {
        String entry = version.collectionEntry();
        if (!zip.has(entry)) {
            throw AnkiFormatException.worded("incompletePackage", zip.fileName(), entry);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile("prepdeck-anki-", ".collection");
            try (OutputStream out = Files.newOutputStream(temp)) {
                zip.copy(entry, version.zstd(), out);
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The temporary collection with the files SQLite keeps beside it. */
    static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        for (String suffix : List.of("", "-journal", "-wal", "-shm")) {
            Path file = Path.of(temp + suffix);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Media name to zip entry name, in the map's order. */
    private Map<String, String> mediaEntries(GuardedZip zip, PackageVersion version, List<Notice> warnings) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!zip.has(MEDIA)) {
            return entries;
        }
        String where = zip.fileName();
        byte[] map = zip.read(MEDIA, version.zstd());
        if (version.zstd()) {
            List<PackageProtos.MediaEntry> list;
            try {
                list = PackageProtos.mediaEntries(map);
            } catch (IOException e) {
                throw AnkiFormatException.worded("mediaListDamaged", where).causedBy(e);
            }
            for (int i = 0; i < list.size(); i++) {
                PackageProtos.MediaEntry entry = list.get(i);
                String zipName = String.valueOf(entry.legacyZipName() != null ? entry.legacyZipName() : i);
                add(entries, MediaNames.requireSafe(entry.name(), where), zipName, zip, warnings);
            }
            return entries;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(new String(map, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw AnkiFormatException.worded("mediaMapJson", where, String.valueOf(e.getOriginalMessage())).causedBy(e);
        }
        if (root == null || !root.isObject()) {
            throw AnkiFormatException.worded("mediaMapShape", where);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw AnkiFormatException.worded("mediaMapEntry", where, field.getKey());
            }
            add(entries, MediaNames.requireSafe(field.getValue().asText(), where), field.getKey(), zip, warnings);
        }
        return entries;
    }

    private static void add(Map<String, String> entries, String name, String zipName, GuardedZip zip,
            List<Notice> warnings) {
        if (!zip.has(zipName)) {
            warnings.add(Notice.of("anki.warning.mediaMissing", name, zipName));
        } else if (entries.putIfAbsent(name, zipName) != null) {
            warnings.add(Notice.of("anki.warning.mediaTwice", name));
        }
    }
}
