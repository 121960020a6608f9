package dev.prepdeck;

import dev.prepdeck.account.Accounts;
import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Migrations;
import dev.prepdeck.db.ServerLock;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.ShippedDecks;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.practice.TermAnalyzer;
import dev.prepdeck.review.ReviewRepository;
import dev.prepdeck.web.AllowedHosts;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Import the decks folder, then serve the study site (the default command).",
                "Without --decks, ./decks is used when it exists, else the decks built into prepdeck."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "7070", description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host;

    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = {"a further name the site answers to in the Host header, e.g. a reverse proxy's or this"
                    + " machine's LAN name (NAME or NAME:PORT; repeatable).",
                    "127.0.0.1, localhost, [::1] and the --host address are always accepted."})
    List<String> allowedHosts = new ArrayList<>();

    @Option(names = "--trust-proxy",
            description = {"the site runs behind a reverse proxy (Caddy, nginx) on this machine: believe its"
                    + " X-Forwarded-Proto (HTTPS: Secure cookies and HSTS) and X-Forwarded-For (the address that"
                    + " login throttling counts). Without a proxy anyone could send these headers, so they are"
                    + " ignored unless this is given."})
    boolean trustProxy;

    @Option(names = "--decks", paramLabel = "DIR", description = "folder of deck files to import at start")
    Path decks;

    @Mixin
    DatabaseOption database;

    @Option(names = "--backup-hours", paramLabel = "HOURS", defaultValue = "1",
            description = {"back up every HOURS hours while the collection changes (default: ${DEFAULT-VALUE}; 0: only"
                    + " at start and before risky operations)"})
    int backupHours;

    @Option(names = "--verbose", description = "also print what the deck import did and the web server's start-up log")
    boolean verbose;

    @Override
    public Integer call() {
        if (verbose) {
            // read by slf4j-simple when the first logger is made, so before anything logs (simplelogger.properties says warn)
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        AllowedHosts hosts;
        try {
            hosts = AllowedHosts.of(host, allowedHosts);
        } catch (IllegalArgumentException e) {
            System.err.println("error: --allowed-host " + e.getMessage());
            return 2;
        }
        if (decks != null && !Files.isDirectory(decks)) {
            System.err.println("error: --decks " + decks + " is not a folder");
            return 2;
        }
        if (backupHours < 0) {
            System.err.println("error: --backup-hours must be 0 or more, got " + backupHours);
            return 2;
        }
        boolean postgres = database.isPostgres();
        AtomicReference<Jdbi> opened = new AtomicReference<>();
        if (!postgres) {
            // Held until the process ends, so prepdeck restore knows not to replace the file under this server.
            // Several servers share one PostgreSQL database by design (issue 18), so there is nothing to hold.
            Optional<ServerLock> lock = ServerLock.acquire(database.file());
            if (lock.isEmpty()) {
                System.err.println("error: " + database.file() + ": another prepdeck server is running on it");
                return 1;
            }
            ServerLock held = lock.get();
            // A clean stop copies the write-ahead log into the file first, so the file is whole on its own.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Jdbi open = opened.get();
                    if (open != null) {
                        Database.close(open);
                    }
                } catch (RuntimeException e) {
                    // Nothing is lost: the log stays beside the file and is read at the next start.
                    System.err.println("warning: " + e.getMessage());
                } finally {
                    held.release();
                }
            }, "prepdeck-server-lock"));
        }
        Clock clock = Clock.systemUTC();
        Jdbi jdbi;
        Backups backups;
        Optional<Instant> lastChange = postgres ? Optional.empty() : Backups.lastChange(database.file());
        try {
            jdbi = postgres ? database.open(Migrations.BeforeUpgrade.NOTHING)
                    : Database.open(database.file(), Backups.beforeUpgrade(database.file(), clock, ZoneId.systemDefault()));
            opened.set(jdbi);
            backups = Backups.of(jdbi, clock, ZoneId.systemDefault());
            // the start-up backup comes before the decks folder is imported into the collection
            if (backups.dueAtStart(lastChange)) {
                backups.write(Reason.START);
            }
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage() + "; prepdeck did not start");
            return 1;
        }
        Optional<String> refusal = refusal(host, new Accounts(jdbi, new ReviewRepository(), clock).any(),
                postgres ? database.toString() : dbArgument(database.file()));
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            return 2;
        }
        // The web app (Javalin, templates) is built while the decks sync; the answer analyser reads its glossary
        // and Lucene's dictionaries at the first practice check, not here.
        CompletableFuture<Javalin> app = CompletableFuture.supplyAsync(() ->
                App.create(jdbi, clock, hosts, TermAnalyzer.shipped(), backups, trustProxy));
        SyncReport[] synced = new SyncReport[1];
        // Instances started together on one PostgreSQL database import the decks folder one after the other
        Database.oneInstanceAtATime(jdbi, "prepdeck deck import at start", () -> synced[0] =
                sync(new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock)));
        SyncReport report = synced[0];
        report.warnings().forEach(w -> System.err.println("warning: " + w));
        report.errors().forEach(e -> System.err.println("error: " + e));
        if (verbose) {
            report.lines().forEach(System.out::println);
            System.out.println("decks: " + report.summary());
        }
        app.join().start(host, port);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "prepdeck-timer");
            thread.setDaemon(true);
            return thread;
        });
        if (backupHours > 0 && backups.automatic()) {
            timer.scheduleWithFixedDelay(() -> backUpIfChanged(backups), backupHours, backupHours, TimeUnit.HOURS);
        }
        System.out.println("prepdeck is running at " + whereToOpen(host, port)
                + "  (database " + (postgres ? database.toString() : database.file().toAbsolutePath())
                + "; Ctrl+C to stop)");
        return 0;
    }

    /**
     * The address to open, as the start-up line prints it. 0.0.0.0 and :: are where the server listens, not an address
     * a browser can open: for those the line gives this machine's own address and says the others reach it too.
     */
    static String whereToOpen(String host, int port) {
        if (AllowedHosts.isEveryAddress(host)) {
            return "http://127.0.0.1:" + port + "/ and on every network address of this machine";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
    }

    /**
     * Why the site must not start: listening where other machines reach it ({@code host} not loopback) with no
     * account would hand the decks and reviews to anyone on the network. The answer names the command that fixes it.
     */
    static Optional<String> refusal(String host, boolean accountsExist, Path databaseFile) {
        return refusal(host, accountsExist, dbArgument(databaseFile));
    }

    /** The --db part of a command for this SQLite file, empty for the default. */
    private static String dbArgument(Path databaseFile) {
        return databaseFile.equals(Path.of("prepdeck.db")) ? "" : databaseFile.toString();
    }

    /** As {@link #refusal(String, boolean, Path)}, with the database as {@code --db} names it (empty: the default). */
    static Optional<String> refusal(String host, boolean accountsExist, String dbArgument) {
        if (accountsExist || thisMachineOnly(host)) {
            return Optional.empty();
        }
        String db = dbArgument.isEmpty() ? "" : " --db " + dbArgument;
        return Optional.of("error: prepdeck has no accounts yet, so it serves this machine only. Listening on " + host
                + " would let anyone who can reach this machine read, change and delete your decks and reviews."
                + System.lineSeparator() + "Add an account first (it asks for a password twice), then start again:"
                + System.lineSeparator() + System.lineSeparator() + "    prepdeck user add NAME" + db
                + System.lineSeparator());
    }

    /** A loopback address or name: only this machine can connect. */
    static boolean thisMachineOnly(String host) {
        if (AllowedHosts.isEveryAddress(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            // an address nobody can resolve is reported by the server; refuse all the same
            return false;
        }
    }

    private SyncReport sync(DeckSync sync) {
        if (decks != null) {
            return sync.importFolder(decks);
        }
        if (Files.isDirectory(Path.of("decks"))) {
            return sync.importFolder(Path.of("decks"));
        }
        return ShippedDecks.importInto(sync);
    }

    /** A backup when the collection changed since the newest one; a failure is told and tried again next time. */
    private static void backUpIfChanged(Backups backups) {
        try {
            boolean changed = backups.newest().map(newest -> backups.changedSince(newest.time())).orElse(true);
            if (changed) {
                backups.write(Reason.INTERVAL);
            }
        } catch (BackupException e) {
            System.err.println("warning: " + e.getMessage());
        }
    }
}
