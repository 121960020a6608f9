package dev.prepdeck;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckExport;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.web.Wording;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every deck in the database as a deck file (with card ids) into DIR.",
                "Importing the result again changes nothing; commit it to keep browser edits in git."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "folder to write deck files into (created when missing)")
    Path folder;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        List<Path> written = new DeckExport(Database.open(database.file), new DeckRepository()).exportTo(folder);
        written.forEach(p -> System.out.println("wrote " + p));
        System.out.println(Wording.format("{0,choice,0#No deck files|1#1 deck file|1<{0} deck files} written to {1}",
                written.size(), folder.toString()));
        return 0;
    }
}
