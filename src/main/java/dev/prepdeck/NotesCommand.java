package dev.prepdeck;

import picocli.CommandLine.Command;

/** prepdeck notes: turning notes files into decks. */
@Command(name = "notes", mixinStandardHelpOptions = true, subcommands = NotesImportCommand.class,
        description = "Turn RST or Markdown interview notes into decks.")
public final class NotesCommand {
}
