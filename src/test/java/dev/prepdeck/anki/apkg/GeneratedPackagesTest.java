package dev.prepdeck.anki.apkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.AnkiCollection;
import dev.prepdeck.anki.MediaFile;
import dev.prepdeck.anki.TestPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages built in the test, in both collection layouts, read back to exactly the collection they were made of. */
class GeneratedPackagesTest {
    @TempDir
    Path dir;

    private final AnkiCollection sample = TestPackages.sample();
    private final List<MediaFile> media = TestPackages.sampleMedia();

    @Test
    void schema_11_package_reads_to_the_same_collection_and_media() throws Exception {
        try (AnkiPackage pkg = new PackageReader().open(TestPackages.schema11(sample, media, dir))) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LEGACY_1);
            assertThat(pkg.schemaVersion()).isEqualTo(11);
            assertThat(pkg.collection()).isEqualTo(sample);
            assertThat(pkg.readAllMedia()).containsExactlyElementsOf(media);
            assertThat(pkg.warnings()).isEmpty();
        }
    }

    @Test
    void schema_18_package_reads_to_the_same_collection_and_media() throws Exception {
        try (AnkiPackage pkg = new PackageReader().open(TestPackages.schema18(sample, media, dir))) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LATEST);
            assertThat(pkg.schemaVersion()).isEqualTo(18);
            assertThat(pkg.collection()).isEqualTo(sample);
            assertThat(pkg.readAllMedia()).containsExactlyElementsOf(media);
            assertThat(new String(pkg.openMedia("paris.mp3").readAllBytes())).isEqualTo("ID3 pretend audio");
        }
    }

    @Test
    void legacy_anki21_collection_package_reads_too() throws Exception {
        Path apkg = TestPackages.schema11(sample, media, dir);
        Path colpkg = dir.resolve("backup.colpkg");
        try (ZipFile in = new ZipFile(apkg.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(colpkg))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                String name = entry.getName().equals("collection.anki2") ? "collection.anki21" : entry.getName();
                TestPackages.put(out, name, in.getInputStream(entry).readAllBytes());
            }
        }
        try (AnkiPackage pkg = new PackageReader().open(colpkg)) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LEGACY_2);
            assertThat(pkg.collection()).isEqualTo(sample);
            assertThat(pkg.readMedia("cat.png")).isEqualTo(media.get(0).content());
        }
    }

    @Test
    void written_package_reads_back_to_the_collection_it_was_written_from() {
        Path out = dir.resolve("round-trip.apkg");
        new PackageWriter().write(sample, media, out);
        try (AnkiPackage pkg = new PackageReader().open(out)) {
            assertThat(pkg.version()).isEqualTo(PackageVersion.LEGACY_1);
            assertThat(pkg.collection()).isEqualTo(sample);
            assertThat(pkg.readAllMedia()).containsExactlyElementsOf(media);
        }
    }
}
