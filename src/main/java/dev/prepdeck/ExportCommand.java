package dev.prepdeck;

import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.deck.DeckExport;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.web.Wording;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every deck in the database as a deck file (with card ids) into DIR, and the images "
                + "and sounds its cards reference into the media folder beside it.",
                "Importing the result again changes nothing; commit it to keep browser edits in git."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "folder to write deck files into (created when missing)")
    Path folder;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        Jdbi jdbi = database.open(Migrations.BeforeUpgrade.NOTHING);
        DeckExport.Exported written = new DeckExport(jdbi, new DeckRepository(), new MediaStore(jdbi, Clock.systemUTC()))
                .exportTo(DeckRepository.EVERY_DECK, folder);
        written.deckFiles().forEach(p -> System.out.println("wrote " + p));
        written.missingMedia().forEach(m -> System.err.println("warning: " + m + " is not in the database; not written"));
        System.out.println(Wording.format("{0,choice,0#No deck files|1#1 deck file|1<{0} deck files} and "
                        + "{1,choice,0#no media files|1#1 media file|1<{1} media files} written to {2}",
                written.deckFiles().size(), written.mediaFiles().size(), folder.toString()));
        return 0;
    }
}
