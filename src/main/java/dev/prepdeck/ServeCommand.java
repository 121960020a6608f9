package dev.prepdeck;

import dev.prepdeck.backup.BackupException;
import dev.prepdeck.backup.Backups;
import dev.prepdeck.backup.Reason;
import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.ServerLock;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.ShippedDecks;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.practice.TermAnalyzer;
import dev.prepdeck.web.AllowedHosts;
import io.javalin.Javalin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        // Held until the process ends, so prepdeck restore knows not to replace the file under this server.
        Optional<ServerLock> lock = ServerLock.acquire(database.file);
        if (lock.isEmpty()) {
            System.err.println("error: " + database.file + ": another prepdeck server is running on it");
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(lock.get()::release, "prepdeck-server-lock"));
        // Start-up overlaps what does not depend on each other: the answer analyser (Lucene dictionaries) is built
        // while the database opens; the web app (Javalin, templates) is built while the decks sync.
        CompletableFuture<TermAnalyzer> terms = CompletableFuture.supplyAsync(TermAnalyzer::shipped);
        Clock clock = Clock.systemUTC();
        Jdbi jdbi;
        Backups backups;
        try {
            jdbi = Database.open(database.file, Backups.beforeUpgrade(database.file, clock, ZoneId.systemDefault()));
            backups = Backups.of(jdbi, clock, ZoneId.systemDefault());
            // the start-up backup comes before the decks folder is imported into the collection
            backups.write(Reason.START);
        } catch (BackupException e) {
            System.err.println("error: " + e.getMessage() + "; prepdeck did not start");
            return 1;
        }
        CompletableFuture<Javalin> app = terms.thenApplyAsync(analyzer -> App.create(jdbi, clock, hosts, analyzer, backups));
        SyncReport report = sync(new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock));
        report.warnings().forEach(w -> System.err.println("warning: " + w));
        report.errors().forEach(e -> System.err.println("error: " + e));
        if (verbose) {
            report.lines().forEach(System.out::println);
            System.out.println("decks: " + report.summary());
        }
        // The accounts issue turns this warning into a refusal to start without a login.
        networkWarning(host).ifPresent(System.err::println);
        app.join().start(host, port);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "prepdeck-timer");
            thread.setDaemon(true);
            return thread;
        });
        // SQLite's advice for long-lived connections: PRAGMA optimize now and then, so query statistics keep up
        timer.scheduleWithFixedDelay(() -> Database.refreshStatistics(jdbi), 1, 1, TimeUnit.HOURS);
        if (backupHours > 0) {
            timer.scheduleWithFixedDelay(() -> backUpIfChanged(backups), backupHours, backupHours, TimeUnit.HOURS);
        }
        System.out.println("prepdeck is running at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                + "/  (database " + database.file.toAbsolutePath() + "; Ctrl+C to stop)");
        return 0;
    }

    /** A warning when {@code host} lets other machines in: the site has no login, so whoever reaches it owns it. */
    static Optional<String> networkWarning(String host) {
        if (!AllowedHosts.isEveryAddress(host)) {
            try {
                if (InetAddress.getByName(host).isLoopbackAddress()) {
                    return Optional.empty();
                }
            } catch (UnknownHostException e) {
                // an address nobody can resolve is reported by the server; warn all the same
            }
        }
        return Optional.of("WARNING: prepdeck has no login. Listening on " + host + " lets anyone who can reach"
                + " this machine on the network read, change and delete your decks and reviews. Use --host 127.0.0.1"
                + " (the default) unless every device on this network is yours.");
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
