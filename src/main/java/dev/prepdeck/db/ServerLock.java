package dev.prepdeck.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Says that a prepdeck server is running on a database: an operating-system lock on {@code FILE.lock} beside it,
 * held while the server runs, with the server's process id inside for the message. The operating system drops
 * the lock when the process ends however it ends (a kill, a crash), so a stale file never blocks anything.
 */
public final class ServerLock {
    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path lockFile(Path database) {
        return database.toAbsolutePath().resolveSibling(database.getFileName() + ".lock");
    }

    /**
     * Takes the lock for a server on {@code database}, or says which process holds it: empty when another
     * server runs on it.
     */
    public static Optional<ServerLock> acquire(Path database) {
        try {
            FileChannel channel = FileChannel.open(lockFile(database), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(false);
            return Optional.of(new ServerLock(channel, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + lockFile(database) + ": " + e.getMessage(), e);
        }
    }

    /** The process id of the server running on {@code database}, empty when none is. */
    public static OptionalLong runningServer(Path database) {
        Optional<ServerLock> free = acquire(database);
        if (free.isPresent()) {
            free.get().release();
            return OptionalLong.empty();
        }
        try (FileChannel channel = FileChannel.open(lockFile(database), StandardOpenOption.READ)) {
            ByteBuffer text = ByteBuffer.allocate(32);
            channel.read(text);
            String pid = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("\\d+") ? OptionalLong.of(Long.parseLong(pid)) : OptionalLong.of(0);
        } catch (IOException e) {
            return OptionalLong.of(0);
        }
    }

    /** Lets another server or a restore use the database. */
    public void release() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
