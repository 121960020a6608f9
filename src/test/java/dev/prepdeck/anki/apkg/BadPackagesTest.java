package dev.prepdeck.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prepdeck.anki.AnkiFormatException;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.TestPackages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every broken or hostile package is refused with an AnkiFormatException whose message names the problem. */
class BadPackagesTest {
    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return refused(file, PackageLimits.defaults());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Path file, PackageLimits limits) {
        return assertThatThrownBy(() -> new PackageReader(limits).open(file).close())
                .isInstanceOf(AnkiFormatException.class);
    }

    private interface Entries {
        void write(ZipOutputStream zip) throws IOException;
    }

    private Path zip(String name, Entries entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entries.write(zip);
        }
        return file;
    }

    private Path collection(int version) throws Exception {
        Path db = dir.resolve("ver" + version + ".anki2");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("create table col (id integer primary key, crt integer, ver integer, conf text)");
            s.execute("insert into col values (1, 0, " + version + ", '{}')");
        }
        return db;
    }

    @Test
    void a_file_that_is_not_a_zip_archive() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.apkg"), "just some text");
        refused(file).hasMessageContaining("notes.apkg is not a readable zip archive");
    }

    @Test
    void a_truncated_package() throws Exception {
        Path whole = TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(), dir);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.apkg"), Arrays.copyOf(bytes, bytes.length / 2));
        refused(truncated).hasMessageContaining("truncated.apkg is not a readable zip archive");
    }

    @Test
    void a_zip_bomb_refused_by_its_declared_ratio() throws IOException {
        Path bomb = zip("bomb.apkg", zip -> {
            zip.putNextEntry(new ZipEntry("collection.anki2"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        });
        refused(bomb).hasMessageContaining("\"collection.anki2\"").hasMessageContaining("likely zip bomb");
    }

    @Test
    void a_zstd_bomb_inside_a_small_entry_is_stopped_while_reading() throws IOException {
        byte[] zeros = new byte[20 << 20];
        byte[] compressed = TestPackages.zstd(zeros);
        assertThat(compressed.length).isLessThan(10_000);
        Path bomb = zip("zstd-bomb.apkg", zip -> {
            TestPackages.put(zip, "meta", new byte[] {0x08, 0x03});
            TestPackages.put(zip, "collection.anki21b", compressed);
        });
        refused(bomb).hasMessageContaining("\"collection.anki21b\" expands more than 200 times");
    }

    @Test
    void too_many_entries_too_large_an_entry_or_too_much_in_all() throws Exception {
        Path good = TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(), dir);
        refused(good, new PackageLimits(2, 1 << 30, 1L << 32, 200)).hasMessageContaining("has 4 entries, more than"
                + " the limit of 2");
        refused(good, new PackageLimits(100, 1000, 1L << 32, 200)).hasMessageContaining("more than the limit of 1000"
                + " for one entry");
        refused(good, new PackageLimits(100, 1 << 30, 5000, 200)).hasMessageContaining("more than 5000 bytes, the"
                + " limit for a whole package");
    }

    @Test
    void a_package_from_a_newer_anki() throws IOException {
        Path newer = zip("newer.apkg", zip -> {
            TestPackages.put(zip, "meta", new byte[] {0x08, 0x05});
            TestPackages.put(zip, "collection.anki21c", new byte[10]);
        });
        refused(newer).hasMessageContaining("made by a newer Anki (package version 5)")
                .hasMessageContaining("Support older Anki versions");
    }

    @Test
    void collections_of_unknown_schema_versions() throws Exception {
        byte[] v99 = Files.readAllBytes(collection(99));
        refused(zip("v99.apkg", zip -> TestPackages.put(zip, "collection.anki2", v99)))
                .hasMessageContaining("collection.anki2 has collection schema 99, newer than");
        byte[] v12 = Files.readAllBytes(collection(12));
        refused(zip("v12.apkg", zip -> TestPackages.put(zip, "collection.anki21", v12)))
                .hasMessageContaining("collection.anki21 has collection schema 12, which is not supported");
    }

    @Test
    void a_package_without_its_collection() throws IOException {
        refused(zip("media-only.apkg", zip -> TestPackages.put(zip, "media", "{}".getBytes())))
                .hasMessageContaining("media-only.apkg is not an Anki package");
        refused(zip("no-21b.apkg", zip -> TestPackages.put(zip, "meta", new byte[] {0x08, 0x03})))
                .hasMessageContaining("collection.anki21b, which is missing");
    }

    @Test
    void a_collection_that_is_not_a_database_or_not_compressed_as_declared() throws IOException {
        refused(zip("text.apkg", zip -> TestPackages.put(zip, "collection.anki2", "hello".getBytes())))
                .hasMessageContaining("collection.anki2 is not an SQLite database");
        refused(zip("raw.apkg", zip -> {
            TestPackages.put(zip, "meta", new byte[] {0x08, 0x03});
            TestPackages.put(zip, "collection.anki21b", "not zstd at all".getBytes());
        })).hasMessageContaining("\"collection.anki21b\" is damaged");
        refused(zip("meta.apkg", zip -> TestPackages.put(zip, "meta", new byte[] {(byte) 0xff, (byte) 0xff})))
                .hasMessageContaining("\"meta\" entry is damaged");
    }

    @Test
    void media_names_that_walk_out_of_the_media_folder() throws Exception {
        Path legacy = TestPackages.schema11(TestPackages.sample(),
                List.of(new MediaFile("../evil.sh", "rm -rf".getBytes())), dir);
        refused(legacy).hasMessageContaining("unsafe media file name \"../evil.sh\"");
        Files.delete(dir.resolve("schema11.anki2"));

        for (String name : List.of("/etc/passwd", "..\\boot.ini", "..", "C:evil.dll", "bell\u0007.png")) {
            Path dirFor = Files.createTempDirectory(dir, "m");
            Path latest = TestPackages.schema18(TestPackages.sample(), List.of(new MediaFile(name, new byte[1])), dirFor);
            refused(latest).as(name).hasMessageContaining("unsafe media file name");
        }
    }

    @Test
    void refused_packages_leave_no_temporary_collection_behind() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = temporaryCollections(tmp);
        Path legacy = TestPackages.schema11(TestPackages.sample(),
                List.of(new MediaFile("../evil.sh", new byte[1])), dir);
        refused(legacy);
        refused(zip("text.apkg", zip -> TestPackages.put(zip, "collection.anki2", "hello".getBytes())));
        assertThat(temporaryCollections(tmp)).isEqualTo(before);
    }

    private static long temporaryCollections(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("prepdeck-anki-")).count();
        }
    }

    @Test
    void a_media_file_listed_but_missing_is_a_warning_not_a_failure() throws Exception {
        Path source = TestPackages.schema11(TestPackages.sample(), List.of(), dir);
        byte[] collection;
        try (var in = new java.util.zip.ZipFile(source.toFile())) {
            collection = in.getInputStream(in.getEntry("collection.anki2")).readAllBytes();
        }
        Path file = zip("missing-media.apkg", zip -> {
            TestPackages.put(zip, "collection.anki2", collection);
            TestPackages.put(zip, "media", "{\"0\": \"gone.png\"}".getBytes(StandardCharsets.UTF_8));
        });
        try (AnkiPackage pkg = new PackageReader().open(file)) {
            assertThat(pkg.mediaNames()).isEmpty();
            assertThat(pkg.warnings()).singleElement().asString().contains("gone.png");
        }
    }
}
