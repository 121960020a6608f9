package dev.prepdeck;

import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import deck files (*.md, searched recursively) into the database.",
                "Each file is imported in its own transaction: a malformed file is reported with file:line and "
                        + "skipped whole, the others still import. Running it again changes nothing.",
                "Images and sounds a deck file references as media/NAME come from the media folder beside it; "
                        + "a missing one is a warning with file:line."})
public final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "folder with deck files")
    Path folder;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            System.err.println("error: " + folder + " is not a folder");
            return 2;
        }
        Jdbi jdbi = Backups.openDatabase(database);
        if (!database.isPostgres()) {
            // The server reads through a memory map; an import reads each page once or twice, and every page read
            // through the map stays in the process's resident set: 190 MB of a 100,000-card import's 540 MB peak.
            jdbi.installPlugin(new JdbiPlugin() {
                @Override
                public Handle customizeHandle(Handle handle) {
                    handle.execute("PRAGMA mmap_size = 0");
                    return handle;
                }
            });
        }
        try {
            Backups.of(jdbi).before(Reason.IMPORT);
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage() + "; nothing imported");
            return 1;
        }
        Clock clock = Clock.systemUTC();
        SyncReport report = new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock)
                .importFolder(folder);
        // Leaves one file behind: closing the last connection checkpoints the WAL into it.
        Database.close(jdbi);
        report.lines().forEach(System.out::println);
        report.warnings().forEach(w -> System.err.println("warning: " + w));
        report.errors().forEach(e -> System.err.println("error: " + e));
        System.out.println(report.summary());
        return report.hasErrors() ? 1 : 0;
    }
}
