package dev.prepdeck;

import dev.prepdeck.db.DatabaseFiles;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.fsrs.replay.FsrsCommand;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The prepdeck command line: serve (the default), import, export, notes import, anki, fsrs, backup, restore, check, user, migrate. */
@Command(name = "prepdeck", mixinStandardHelpOptions = true, version = "prepdeck 0.1.0",
        description = "Practice interview answers with FSRS-6 spaced repetition.",
        subcommands = {ServeCommand.class, ImportCommand.class, ExportCommand.class, NotesCommand.class,
                AnkiCommand.class, FsrsCommand.class, BackupCommand.class, RestoreCommand.class, CheckCommand.class,
                UserCommand.class, MigrateCommand.class})
public final class Main {
    public static void main(String[] args) {
        String[] effective = args.length == 0 || args[0].startsWith("--") && !isTopLevelOption(args[0])
                ? prepend("serve", args) : args;
        boolean serve = "serve".equals(effective[0]);
        CommandLine command = serve ? serveCommandLine() : commandLine(new Main());
        int exit = command.setCaseInsensitiveEnumValuesAllowed(true)
                .execute(serve ? Arrays.copyOfRange(effective, 1, effective.length) : effective);
        boolean serverRunning = serve && exit == 0 && !isHelp(effective);
        if (!serverRunning) {
            System.exit(exit);
        }
    }

    /**
     * The serve command alone, named as under prepdeck: starting the server does not build the options of the ten
     * other commands (picocli reads every command's annotations up front; 0.15 s of the start's CPU).
     */
    static CommandLine serveCommandLine() {
        return commandLine(new ServeCommand()).setCommandName("prepdeck serve");
    }

    /** The command line for {@code command}, telling database problems as {@link #databaseProblem} does. */
    static CommandLine commandLine(Object command) {
        return new CommandLine(command).setExecutionExceptionHandler(Main::databaseProblem);
    }

    /** A --db that cannot be used or a database that cannot be reached is told in a line, not a stack trace. */
    private static int databaseProblem(Exception e, CommandLine command, CommandLine.ParseResult parsed)
            throws Exception {
        if (e instanceof DatabaseOption.Unusable || e instanceof DatabaseFiles.FileProblem) {
            command.getErr().println("error: " + e.getMessage());
            return 2;
        }
        throw e;
    }

    /** Options of the top-level command itself; any other leading option belongs to the default serve command. */
    private static boolean isTopLevelOption(String arg) {
        return arg.equals("--help") || arg.equals("--version");
    }

    private static boolean isHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")) {
                return true;
            }
        }
        return false;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
