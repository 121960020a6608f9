package dev.prepdeck;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.deck.DeckRepository;
import dev.prepdeck.deck.DeckSync;
import dev.prepdeck.deck.ShippedDecks;
import dev.prepdeck.deck.SyncReport;
import dev.prepdeck.media.MediaStore;
import dev.prepdeck.web.AllowedHosts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        Jdbi jdbi = Database.open(database.file);
        Clock clock = Clock.systemUTC();
        DeckSync sync = new DeckSync(jdbi, new DeckRepository(), new MediaStore(jdbi, clock), clock);
        SyncReport report;
        if (decks != null) {
            if (!Files.isDirectory(decks)) {
                System.err.println("error: --decks " + decks + " is not a folder");
                return 2;
            }
            report = sync.importFolder(decks);
        } else if (Files.isDirectory(Path.of("decks"))) {
            report = sync.importFolder(Path.of("decks"));
        } else {
            report = ShippedDecks.importInto(sync);
        }
        report.warnings().forEach(w -> System.err.println("warning: " + w));
        report.errors().forEach(e -> System.err.println("error: " + e));
        if (verbose) {
            report.lines().forEach(System.out::println);
            System.out.println("decks: " + report.summary());
        }
        // The accounts issue turns this warning into a refusal to start without a login.
        networkWarning(host).ifPresent(System.err::println);
        App.create(jdbi, clock, hosts).start(host, port);
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
}
