package dev.prepdeck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prepdeck.anki.TestPackages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** prepdeck anki import and export as run from a shell. */
class AnkiCommandTest {
    @TempDir
    Path tempDir;

    @RegisterExtension
    final CapturedOutput output = new CapturedOutput();

    private int anki(String... args) {
        return new CommandLine(new AnkiCommand()).execute(args);
    }

    @Test
    void a_package_imports_under_a_prefix_and_a_deck_exports_to_a_package_that_imports_elsewhere() throws Exception {
        Path pkg = TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(),
                Files.createDirectories(tempDir.resolve("pkg")));
        String db = tempDir.resolve("cli.db").toString();

        assertThat(anki("import", pkg.toString(), "--deck-prefix", "Anki", "--db", db)).isZero();
        assertThat(output.out()).contains("deck: Anki::Tech")
                .contains("7 cards added, 0 updated, 0 unchanged, 0 skipped; 9 reviews and 2 media files");

        Path apkg = tempDir.resolve("anki.apkg");
        output.reset();
        assertThat(anki("export", "Anki", "--out", apkg.toString(), "--db", db)).isZero();
        assertThat(output.out()).contains("Anki: 7 cards, 9 reviews and 2 media files written to");

        output.reset();
        String other = tempDir.resolve("other.db").toString();
        assertThat(anki("import", apkg.toString(), "--db", other)).isZero();
        assertThat(output.out()).contains("7 cards added").contains("deck: Anki::Languages::French");
    }

    @Test
    void with_several_accounts_user_says_whose_history_comes_in_and_goes_out() throws Exception {
        Path pkg = TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(),
                Files.createDirectories(tempDir.resolve("pkg")));
        Path file = tempDir.resolve("accounts.db");
        String db = file.toString();
        org.jdbi.v3.core.Jdbi jdbi = dev.prepdeck.db.Database.open(file);
        dev.prepdeck.account.Accounts accounts = new dev.prepdeck.account.Accounts(jdbi,
                new dev.prepdeck.review.ReviewRepository(), java.time.Clock.systemUTC(), 4);
        long alice = accounts.add("alice", "correct horse battery").learnerId();
        long bob = accounts.add("bob", "bob's long passphrase").learnerId();

        assertThat(anki("import", pkg.toString(), "--db", db)).isEqualTo(2);
        assertThat(output.err()).contains("this database has 2 accounts (alice, bob): say whose progress with --user NAME")
                .contains("nothing imported");
        assertThat(anki("import", pkg.toString(), "--db", db, "--user", "carol")).isEqualTo(2);
        assertThat(output.err()).contains("there is no account named carol");
        int cards = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM card").mapTo(Integer.class).one());
        assertThat(cards).isZero();

        assertThat(anki("import", pkg.toString(), "--deck-prefix", "Anki", "--db", db, "--user", "Bob")).isZero();
        List<String> reviewsByLearner = jdbi.withHandle(h -> h.createQuery(
                "SELECT learner_id, COUNT(*) FROM review_log GROUP BY learner_id")
                .map((rs, ctx) -> rs.getLong(1) + ":" + rs.getInt(2)).list());
        assertThat(reviewsByLearner).containsExactly(bob + ":9");

        output.reset();
        assertThat(anki("export", "Anki", "--out", tempDir.resolve("bob.apkg").toString(), "--db", db, "--user", "bob"))
                .isZero();
        assertThat(output.out()).contains("Anki: 7 cards, 9 reviews");
        output.reset();
        assertThat(anki("export", "Anki", "--out", tempDir.resolve("alice.apkg").toString(), "--db", db,
                "--user", "alice")).isZero();
        assertThat(output.out()).contains("Anki: 7 cards, no reviews");
        assertThat(alice).isNotEqualTo(bob);
    }

    @Test
    void a_damaged_package_is_named_and_nothing_is_imported() throws Exception {
        Path broken = Files.write(tempDir.resolve("broken.apkg"), new byte[] {'P', 'K', 3, 4, 0, 0});
        String db = tempDir.resolve("cli.db").toString();

        assertThat(anki("import", broken.toString(), "--db", db)).isEqualTo(1);
        assertThat(output.err()).contains("error: ").contains("broken.apkg").contains("nothing imported");
        assertThat(anki("export", "No such deck", "--out", tempDir.resolve("x.apkg").toString(), "--db", db))
                .isEqualTo(1);
        assertThat(output.err()).contains("there is no deck named \"No such deck\"");
        assertThat(tempDir.resolve("x.apkg")).doesNotExist();
    }

    @Test
    void a_deck_exports_as_csv_or_tsv_by_the_out_extension_and_the_file_imports_again() throws Exception {
        Path pkg = TestPackages.schema11(TestPackages.sample(), TestPackages.sampleMedia(),
                Files.createDirectories(tempDir.resolve("pkg")));
        String db = tempDir.resolve("cli.db").toString();
        assertThat(anki("import", pkg.toString(), "--deck-prefix", "Anki", "--db", db)).isZero();

        Path csv = tempDir.resolve("anki.csv");
        output.reset();
        assertThat(anki("export", "Anki", "--out", csv.toString(), "--db", db)).isZero();
        assertThat(output.out()).contains("Anki: 7 cards").contains("written to " + csv);
        assertThat(Files.readString(csv)).startsWith("#separator:comma\n").contains("#columns:GUID,Deck,Front,Back,Tags");

        Path tsv = tempDir.resolve("anki.txt");
        assertThat(anki("export", "Anki", "--out", tsv.toString(), "--db", db)).isZero();
        assertThat(Files.readString(tsv)).startsWith("#separator:tab\n");

        output.reset();
        String other = tempDir.resolve("other.db").toString();
        assertThat(anki("import", csv.toString(), "--db", other)).isZero();
        assertThat(output.out()).contains("7 cards added").contains("deck: Anki::Languages::French");

        output.reset();
        assertThat(anki("export", "Anki", "--out", tempDir.resolve("anki.pdf").toString(), "--db", db)).isEqualTo(2);
        assertThat(output.err()).contains("anki.pdf does not end in .apkg, .csv, .tsv or .txt");
        assertThat(anki("export", "No such deck", "--out", tempDir.resolve("x.csv").toString(), "--db", db))
                .isEqualTo(1);
        assertThat(tempDir.resolve("anki.pdf")).doesNotExist();
        assertThat(tempDir.resolve("x.csv")).doesNotExist();
    }
}
