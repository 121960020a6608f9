package dev.prepdeck.fsrs.replay;

import picocli.CommandLine.Command;

/** Parent for the scheduler's command-line tools. */
@Command(name = "fsrs", subcommands = FsrsReplayCommand.class, mixinStandardHelpOptions = true,
        description = "FSRS scheduler tools.")
public final class FsrsCommand {
}
