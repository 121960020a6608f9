package dev.prepdeck;

import dev.prepdeck.account.Account;
import dev.prepdeck.account.Accounts;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.error.InvalidInputException;
import dev.prepdeck.error.NotFoundException;
import dev.prepdeck.review.ReviewRepository;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** prepdeck user: the accounts that sign in when the site is served on a network. */
@Command(name = "user", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.Add.class, UserCommand.ListAccounts.class, UserCommand.Disable.class,
                UserCommand.Enable.class, UserCommand.ResetPassword.class},
        description = {"Manage the accounts that sign in to the site. Without any, the site serves one learner on this"
                + " machine with no login; with one, every page asks who you are, and --host may open the site to the"
                + " network.", "The first account is the admin and keeps the progress made before there were accounts."})
public final class UserCommand {
    static Accounts accounts(DatabaseOption database) {
        return new Accounts(database.open(Migrations.BeforeUpgrade.NOTHING), new ReviewRepository(), Clock.systemUTC());
    }

    /** Asks for a password twice: on the terminal without echo, or as two lines of standard input when piped. */
    static List<String> typedTwice(String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("%s: ", prompt);
            char[] second = console.readPassword("%s again: ", prompt);
            return first == null || second == null ? null : List.of(new String(first), new String(second));
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String first = in.readLine();
            String second = in.readLine();
            return first == null || second == null ? null : List.of(first, second);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an account change, printing its problem as the other commands do. */
    static int report(Runnable change) {
        try {
            change.run();
            return 0;
        } catch (InvalidInputException | NotFoundException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** Disables or enables the account called {@code name}, saying which; an unknown name is an error. */
    private static int setDisabled(DatabaseOption database, String name, boolean disabled) {
        return report(() -> {
            Accounts accounts = accounts(database);
            accounts.setDisabled(accounts.byName(name).learnerId(), disabled);
            System.out.println((disabled ? "disabled " : "enabled ") + name);
        });
    }

    /** The new password typed twice the same, or null after saying what went wrong. */
    static String askPassword(String prompt) {
        List<String> typed = typedTwice(prompt);
        if (typed == null) {
            System.err.println("error: no password given (type it twice, or pipe two lines to standard input)");
            return null;
        }
        if (!typed.get(0).equals(typed.get(1))) {
            System.err.println("error: the two passwords differ; nothing changed");
            return null;
        }
        return typed.get(0);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an account; asks for its password twice (12 characters or more).")
    public static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "the name to sign in with: letters, digits, . _ -")
        String name;

        @Mixin
        DatabaseOption database;

        @Override
        public Integer call() {
            String password = askPassword("Password for " + name);
            if (password == null) {
                return 1;
            }
            return report(() -> {
                Account added = accounts(database).add(name, password);
                System.out.println("added " + added.name() + (added.admin() ? " (admin)" : ""));
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
    public static final class ListAccounts implements Callable<Integer> {
        @Mixin
        DatabaseOption database;

        @Override
        public Integer call() {
            List<Account> all = accounts(database).list();
            if (all.isEmpty()) {
                System.out.println("no accounts: the site serves one learner on this machine without a login");
            }
            for (Account a : all) {
                System.out.println(a.name() + (a.admin() ? "  admin" : "") + (a.disabled() ? "  disabled" : ""));
            }
            return 0;
        }
    }

    /** What disable, enable and reset-password act on: one existing account, by name, in the database. */
    abstract static class OneAccount implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Mixin
        DatabaseOption database;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop an account from signing in; its browsers and API tokens are signed out.")
    public static final class Disable extends OneAccount {
        @Override
        public Integer call() {
            return setDisabled(database, name, true);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled account sign in again.")
    public static final class Enable extends OneAccount {
        @Override
        public Integer call() {
            return setDisabled(database, name, false);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password for an account (asked twice); its browsers and API tokens are signed out.")
    public static final class ResetPassword extends OneAccount {
        @Override
        public Integer call() {
            Accounts accounts = accounts(database);
            long learnerId;
            try {
                learnerId = accounts.byName(name).learnerId();
            } catch (NotFoundException e) {
                System.err.println("error: " + e.getMessage());
                return 1;
            }
            String password = askPassword("New password for " + name);
            if (password == null) {
                return 1;
            }
            return report(() -> {
                accounts.resetPassword(learnerId, password);
                System.out.println("reset the password of " + name + "; its browsers and tokens were signed out");
            });
        }
    }
}
