package dev.prepdeck.backup;

import dev.prepdeck.db.Database;
import dev.prepdeck.db.DatabaseFiles;
import dev.prepdeck.db.DatabaseOption;
import dev.prepdeck.db.Dialect;
import dev.prepdeck.db.Migrations;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * The backups of one database, in a {@code backups/} folder beside it: each a complete, checked SQLite file named
 * after the database, the time (UTC) and the reason, e.g. {@code prepdeck-20261130-145256-123-import.db}. Writing
 * one never blocks the site (VACUUM INTO reads a snapshot); each is written under a temporary name, checked with
 * {@code PRAGMA integrity_check} and only then renamed, so the folder never holds a half-written backup. After
 * each automatic backup the {@link Retention} policy thins out the old ones.
 */
public final class Backups {
    /** How often a running server backs up a database that changed, unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    /** A temporary file from a backup cut short (the process killed mid-write) is removed after this long. */
    private static final Duration STRAY_TEMP_AGE = Duration.ofHours(1);

    /** Stands for a PostgreSQL database's file, which it has none of. */
    private static final String OPERATORS = "postgresql-backups-are-the-operators";

    private final Jdbi jdbi;
    private final Path database;
    private final Path folder;
    private final Clock clock;
    private final ZoneId zone;
    private final Retention retention;
    private final Pattern names;

    public Backups(Jdbi jdbi, Path database, Clock clock, ZoneId zone, Retention retention) {
        this.jdbi = jdbi;
        this.database = database.toAbsolutePath();
        this.folder = folderOf(database);
        this.clock = clock;
        this.zone = zone;
        this.retention = retention;
        this.names = Pattern.compile(Pattern.quote(stem(this.database)) + "-(\\d{8}-\\d{6}-\\d{3})-([a-z-]+)\\.db");
    }

    /**
     * The backups of the database {@code jdbi} has open, kept by the default policy. A PostgreSQL database has none
     * of prepdeck's: its operator backs it up (pg_dump, replication), so there the folder is empty and writing one
     * is refused with that reason.
     */
    public static Backups of(Jdbi jdbi, Clock clock, ZoneId zone) {
        if (Dialect.of(jdbi) == Dialect.POSTGRESQL) {
            return new Backups(jdbi, Path.of(OPERATORS), clock, zone, Retention.DEFAULT);
        }
        return new Backups(jdbi, Database.file(jdbi), clock, zone, Retention.DEFAULT);
    }

    /** Whether prepdeck writes this database's backups itself (SQLite) rather than its operator (PostgreSQL). */
    public boolean automatic() {
        return !database.getFileName().toString().equals(OPERATORS);
    }

    /** The folder the backups of {@code database} go to. */
    public static Path folderOf(Path database) {
        return database.toAbsolutePath().resolveSibling("backups");
    }

    /**
     * For {@link Database#open(Path, Migrations.BeforeUpgrade)}: a backup of the database as it is, before its
     * schema is upgraded. If it cannot be written the upgrade does not start.
     */
    public static Migrations.BeforeUpgrade beforeUpgrade(Path database, Clock clock, ZoneId zone) {
        return (jdbi, fromVersion) -> new Backups(jdbi, database, clock, zone, Retention.DEFAULT).write(Reason.UPGRADE);
    }

    /**
     * Opens {@code file} as {@link Database#open(Path)} does, first backing it up when its schema is about to be
     * upgraded, with backups dated by the system clock and days counted in this machine's zone.
     */
    public static Jdbi openDatabase(Path file) {
        return Database.open(file, beforeUpgrade(file, Clock.systemUTC(), ZoneId.systemDefault()));
    }

    /**
     * Opens the database {@code --db} names; a SQLite file is backed up first when its schema is about to be
     * upgraded (PostgreSQL's backups are the operator's).
     */
    public static Jdbi openDatabase(DatabaseOption database) {
        return database.isPostgres() ? database.open(Migrations.BeforeUpgrade.NOTHING) : openDatabase(database.file());
    }

    /** The backups of the database {@code jdbi} has open, dated by the system clock in this machine's zone. */
    public static Backups of(Jdbi jdbi) {
        return of(jdbi, Clock.systemUTC(), ZoneId.systemDefault());
    }

    public Path folder() {
        return folder;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The backup taken before a risky change (an import, a bulk delete, a start-up): written as {@link #write} does
     * on SQLite, none on PostgreSQL, whose backups are its operator's.
     */
    public Optional<Backup> before(Reason reason) {
        return automatic() ? Optional.of(write(reason)) : Optional.empty();
    }

    /**
     * When the SQLite file {@code database} (or its WAL) last changed; empty when there is no such file yet. Read
     * before the file is opened, since opening it touches the WAL.
     */
    public static Optional<Instant> lastChange(Path database) {
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        Optional<Instant> latest = Optional.empty();
        for (Path file : List.of(database, wal)) {
            try {
                Instant changed = Files.getLastModifiedTime(file).toInstant();
                latest = latest.filter(l -> l.isAfter(changed)).or(() -> Optional.of(changed));
            } catch (NoSuchFileException e) {
                // no WAL: the file alone says
            } catch (IOException e) {
                // a time that cannot be read counts as a change after every backup, so the backup is written
                return Optional.of(Instant.MAX);
            }
        }
        return latest;
    }

    /**
     * Whether a server starting on this database backs it up first ({@link Reason#START}): a backup comes before the
     * first write of each day. So not for a file that did not exist ({@code lastChange} empty: nothing to lose), not
     * when a backup was written today (this zone's day; an upgrade's at this very start counts) and not when none of
     * the file changed since the newest backup. A restart later the same day then serves at once instead of copying
     * and checking the whole file (13 s for 100,000 cards and 1,000,000 reviews); the hourly backups of a running
     * server keep what changed since.
     */
    public boolean dueAtStart(Optional<Instant> lastChange) {
        if (!automatic() || lastChange.isEmpty()) {
            return false;
        }
        Optional<Backup> newest = newest();
        if (newest.isEmpty()) {
            return true;
        }
        Instant backedUp = newest.get().time();
        boolean today = backedUp.atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
        return !today && lastChange.get().isAfter(backedUp);
    }

    /** Writes a backup for {@code reason}, then deletes the old ones the retention policy lets go. */
    public synchronized Backup write(Reason reason) {
        refuseOnPostgres();
        Backup written = writeUnpruned(reason);
        prune();
        return written;
    }

    private Backup writeUnpruned(Reason reason) {
        createFolder();
        Instant time = clock.instant();
        Path target = folder.resolve(name(time, reason));
        while (Files.exists(target)) {
            time = time.plusMillis(1);
            target = folder.resolve(name(time, reason));
        }
        writeChecked(target, temp -> DatabaseFiles.copy(jdbi, temp));
        return new Backup(target, time, reason, size(target));
    }

    /** Writes a backup to {@code out}, which must not exist yet; it is not one of the folder's and never pruned. */
    public Path writeTo(Path out) {
        refuseOnPostgres();
        Path target = out.toAbsolutePath();
        if (Files.exists(target)) {
            throw new BackupException(out + ": the file already exists; choose a new name");
        }
        writeChecked(target, temp -> DatabaseFiles.copy(jdbi, temp));
        return target;
    }

    private void refuseOnPostgres() {
        if (!automatic()) {
            throw new BackupException("on PostgreSQL the database's backups are its operator's (pg_dump, replication)");
        }
    }

    /** The backups in the folder, newest first. */
    public List<Backup> list() {
        if (!automatic() || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                parse(file).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new BackupException(folder + ": the backups folder cannot be read: " + e.getMessage());
        }
        found.sort(Comparator.comparing(Backup::time).reversed());
        return found;
    }

    /** The backup called {@code name} in the folder; only names the folder lists are ever opened. */
    public Optional<Backup> find(String name) {
        return list().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Whether the database was written to after {@code time} (its file or its WAL file changed since). */
    public boolean changedSince(Instant time) {
        Path wal = database.resolveSibling(database.getFileName() + "-wal");
        return modifiedAfter(database, time) || modifiedAfter(wal, time);
    }

    /** The newest backup in the folder, if any. */
    public Optional<Backup> newest() {
        return list().stream().findFirst();
    }

    /** Deletes the backups the retention policy does not keep, and temporary files left by a backup cut short. */
    public synchronized void prune() {
        List<Backup> all = list();
        Set<Instant> kept = retention.keep(all.stream().map(Backup::time).toList(), clock.instant(), zone);
        for (Backup backup : all) {
            if (!kept.contains(backup.time())) {
                deleteQuietly(backup.file());
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            Instant old = clock.instant().minus(STRAY_TEMP_AGE);
            files.filter(f -> f.getFileName().toString().startsWith(".") && f.getFileName().toString().endsWith(".tmp"))
                    .filter(f -> !modifiedAfter(f, old))
                    .forEach(Backups::deleteQuietly);
        } catch (IOException e) {
            // the folder was listed a moment ago; a stray temporary file can wait for the next backup
        }
    }

    /**
     * Puts the contents of {@code file} (a backup) in place of the running database's, after keeping a backup of
     * the current data: the file is checked (a prepdeck database of a schema this build knows, whole), copied and
     * brought up to the current schema first, so a bad file changes nothing. The app keeps its connections (see
     * {@link DatabaseFiles#replaceContents}).
     */
    public synchronized Restored restore(Path file) {
        refuseOnPostgres();
        Path prepared = prepare(file);
        try {
            Backup kept = writeUnpruned(Reason.RESTORE);
            try {
                DatabaseFiles.replaceContents(jdbi, prepared);
            } catch (DatabaseFiles.FileProblem e) {
                throw new BackupException(file + ": " + e.getMessage() + "; nothing was changed");
            }
            prune();
            return new Restored(file, kept);
        } finally {
            deleteQuietly(prepared);
        }
    }

    /** What a restore did: the file restored and the backup kept of the data it replaced. */
    public record Restored(Path from, Backup keptCopy) {
    }

    /**
     * Restores {@code file} into {@code database} when no server has it open (the command line): keeps a copy of
     * the current file in its backups folder, then moves a checked, upgraded copy of {@code file} into place in one
     * rename. Returns the copy kept, empty when there was no database yet.
     */
    public static Optional<Path> restoreOffline(Path file, Path database, Clock clock) {
        Path target = database.toAbsolutePath();
        Backups folder = new Backups(null, target, clock, ZoneOffset.UTC, Retention.DEFAULT);
        Path prepared = folder.prepare(file);
        try {
            Optional<Path> kept = Optional.empty();
            if (Files.exists(target)) {
                kept = Optional.of(folder.keepOffline());
            }
            Path wal = target.resolveSibling(target.getFileName() + "-wal");
            Path shm = target.resolveSibling(target.getFileName() + "-shm");
            // The old file's WAL must not be read into the new one; the copy kept above holds its contents.
            Files.deleteIfExists(wal);
            Files.deleteIfExists(shm);
            Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return kept;
        } catch (IOException e) {
            throw new BackupException(database + ": cannot be replaced: " + e.getMessage());
        } finally {
            deleteQuietly(prepared);
        }
    }

    /** A copy of a database no server has open; a file SQLite cannot copy (it is damaged) is copied as bytes. */
    private Path keepOffline() {
        createFolder();
        Path target = folder.resolve(name(clock.instant(), Reason.RESTORE));
        try {
            writeChecked(target, temp -> DatabaseFiles.copy(database, temp));
        } catch (BackupException e) {
            try {
                Files.copy(database, target);
                Path wal = database.resolveSibling(database.getFileName() + "-wal");
                if (Files.exists(wal)) {
                    Files.copy(wal, target.resolveSibling(target.getFileName() + "-wal"));
                }
            } catch (IOException copyFailed) {
                throw new BackupException(target + ": the current database could not be kept: "
                        + copyFailed.getMessage() + "; nothing was changed");
            }
        }
        return target;
    }

    /** A checked copy of {@code file} upgraded to the current schema, in the backups folder under a temporary name. */
    private Path prepare(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupException(file + ": no such file");
        }
        int version;
        try {
            version = DatabaseFiles.prepdeckSchemaVersion(file);
        } catch (DatabaseFiles.FileProblem e) {
            throw new BackupException(file + ": cannot be restored: " + e.getMessage());
        }
        createFolder();
        Path prepared = folder.resolve(".restore-" + clock.millis() + "-" + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.copy(file, prepared, StandardCopyOption.REPLACE_EXISTING);
            List<String> problems = DatabaseFiles.integrityProblems(prepared);
            if (!problems.isEmpty()) {
                throw new BackupException(file + ": cannot be restored: the file is damaged (" + problems.get(0) + ")");
            }
            if (version < Migrations.LATEST_VERSION) {
                Database.close(Database.open(prepared));
            }
            return prepared;
        } catch (IOException e) {
            deleteQuietly(prepared);
            throw new BackupException(file + ": cannot be copied to " + folder + ": " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(prepared);
            throw e instanceof BackupException ? e : new BackupException(file + ": cannot be restored: " + e.getMessage());
        }
    }

    /** Writes {@code target} through a temporary file beside it that is checked before it takes the name. */
    private static void writeChecked(Path target, Consumer<Path> copy) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            deleteQuietly(temp);
            copy.accept(temp);
            List<String> problems = DatabaseFiles.integrityProblems(temp);
            if (!problems.isEmpty()) {
                throw new BackupException(target + ": the copy failed its integrity check (" + problems.get(0)
                        + "); it was not kept");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DatabaseFiles.FileProblem e) {
            throw new BackupException(target + ": the backup could not be written: " + e.getMessage());
        } catch (IOException e) {
            throw new BackupException(target + ": the backup could not be written: " + e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    private void createFolder() {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException(folder + ": cannot hold backups: a file of that name is in the way");
        } catch (IOException e) {
            throw new BackupException(folder + ": the backups folder cannot be created: " + e.getMessage());
        }
    }

    private String name(Instant time, Reason reason) {
        return stem(database) + "-" + NAME_TIME.format(time.atOffset(ZoneOffset.UTC)) + "-" + reason.code() + ".db";
    }

    private Optional<Backup> parse(Path file) {
        Matcher m = names.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Reason> reason = Reason.ofCode(m.group(2));
        try {
            Instant time = LocalDateTime.parse(m.group(1), NAME_TIME).toInstant(ZoneOffset.UTC);
            return reason.map(r -> new Backup(file, time, r, size(file)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String stem(Path database) {
        String name = database.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean modifiedAfter(Path file, Instant time) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(time);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a file that cannot be deleted now is tried again at the next prune
        }
    }
}
