package dev.prepdeck.fsrs.replay;

import picocli.CommandLine.Command;

/** Parent for the scheduler's and the optimizer's command-line tools. */
@Command(name = "fsrs", subcommands = {FsrsReplayCommand.class, FsrsOptimizeCommand.class, FsrsEvaluateCommand.class,
        FsrsRetentionCommand.class}, mixinStandardHelpOptions = true,
        description = "FSRS scheduler tools: replay histories, fit parameters, evaluate them, choose a retention.")
public final class FsrsCommand {
}
