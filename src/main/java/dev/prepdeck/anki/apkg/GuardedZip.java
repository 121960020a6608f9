package dev.prepdeck.anki.apkg;

import dev.prepdeck.anki.AnkiFormatException;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A package's zip archive, checked against {@link PackageLimits} when it is opened (entry count, declared sizes and
 * ratios) and again while each entry is read (actual sizes, ratios and the running total, which catch entries that
 * lie about their size and zstd layers inside stored entries).
 */
final class GuardedZip implements Closeable {
    private final ZipFile zip;
    private final String fileName;
    private final PackageLimits limits;
    private long totalRead;

    private GuardedZip(ZipFile zip, String fileName, PackageLimits limits) {
        this.zip = zip;
        this.fileName = fileName;
        this.limits = limits;
    }

    static GuardedZip open(Path file, PackageLimits limits) {
        String fileName = String.valueOf(file.getFileName());
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw AnkiFormatException.worded("notZip", fileName, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw AnkiFormatException.worded("packageUnreadable", fileName, String.valueOf(e.getMessage()));
        }
        GuardedZip guarded = new GuardedZip(zip, fileName, limits);
        try {
            guarded.checkDeclaredSizes();
        } catch (RuntimeException e) {
            guarded.close();
            throw e;
        }
        return guarded;
    }

    private void checkDeclaredSizes() {
        if (zip.size() > limits.maxEntries()) {
            throw AnkiFormatException.worded("tooManyEntries", fileName, String.valueOf(zip.size()),
                    String.valueOf(limits.maxEntries()));
        }
        long declaredTotal = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = entry.getSize();
            if (size > limits.maxEntryBytes()) {
                throw AnkiFormatException.worded("entryTooLarge", fileName, entry.getName(), String.valueOf(size),
                        String.valueOf(limits.maxEntryBytes()));
            }
            long compressed = entry.getCompressedSize();
            if (size > PackageLimits.RATIO_FREE_BYTES && compressed > 0
                    && size / compressed > limits.maxCompressionRatio()) {
                throw AnkiFormatException.worded("entryBomb", fileName, entry.getName(), String.valueOf(size / compressed),
                        String.valueOf(limits.maxCompressionRatio()));
            }
            declaredTotal += Math.max(size, 0);
            if (declaredTotal > limits.maxTotalBytes()) {
                throw AnkiFormatException.worded("packageTooLarge", fileName, String.valueOf(limits.maxTotalBytes()));
            }
        }
    }

    String fileName() {
        return fileName;
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** The entry's bytes, zstd-decoded first when {@code zstd}; every cap applies as it is read. */
    InputStream open(String name, boolean zstd) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw AnkiFormatException.worded("noEntry", fileName, name);
        }
        try {
            InputStream raw = zip.getInputStream(entry);
            long compressed = entry.getCompressedSize();
            if (zstd) {
                InputStream stored = new LimitedInputStream(raw, name, limits.maxEntryBytes(), compressed,
                        limits.maxCompressionRatio(), n -> { });
                return new EntryErrors(new LimitedInputStream(new ZstdInputStream(stored), name,
                        limits.maxEntryBytes(), compressed, limits.maxCompressionRatio(), this::addToTotal), name);
            }
            return new EntryErrors(new LimitedInputStream(raw, name, limits.maxEntryBytes(), compressed,
                    limits.maxCompressionRatio(), this::addToTotal), name);
        } catch (IOException e) {
            throw damaged(name, e);
        }
    }

    byte[] read(String name, boolean zstd) {
        try (InputStream in = open(name, zstd)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw damaged(name, e);
        }
    }

    void copy(String name, boolean zstd, OutputStream out) {
        try (InputStream in = open(name, zstd)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw damaged(name, e);
        }
    }

    private void addToTotal(long bytes) {
        totalRead += bytes;
        if (totalRead > limits.maxTotalBytes()) {
            throw AnkiFormatException.worded("packageTooLarge", fileName, String.valueOf(limits.maxTotalBytes()));
        }
    }

    AnkiFormatException damaged(String name, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return AnkiFormatException.worded("entryDamaged", fileName, name, cause.getClass().getSimpleName(),
                String.valueOf(cause.getMessage())).causedBy(e);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Turns the decoders' exceptions into the package's own error naming the entry. */
    private final class EntryErrors extends java.io.FilterInputStream {
        private final String name;

        EntryErrors(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (MalformedInputException | IOException e) {
                throw damaged(name, e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (MalformedInputException | IOException e) {
                throw damaged(name, e);
            }
        }
    }
}
