package dev.prepdeck.anki.apkg;

import dev.prepdeck.anki.AnkiFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * Counts what an entry expands to while it is read and stops at the caps: the entry's own size cap, its
 * compression ratio, and (through {@code onBytes}) the package's running total.
 */
final class LimitedInputStream extends ProxyInputStream {
    private final String entry;
    private final long maxBytes;
    private final long compressedBytes;
    private final int maxRatio;
    private final LongConsumer onBytes;
    private long count;

    LimitedInputStream(InputStream in, String entry, long maxBytes, long compressedBytes, int maxRatio,
            LongConsumer onBytes) {
        super(in);
        this.entry = entry;
        this.maxBytes = maxBytes;
        this.compressedBytes = compressedBytes;
        this.maxRatio = maxRatio;
        this.onBytes = onBytes;
    }

    @Override
    protected void afterRead(int n) {
        if (n > 0) {
            counted(n);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            counted(skipped);
        }
        return skipped;
    }

    private void counted(long n) {
        count += n;
        if (count > maxBytes) {
            throw AnkiFormatException.worded("entryExpandsTooMuch", entry, String.valueOf(maxBytes));
        }
        if (count > PackageLimits.RATIO_FREE_BYTES && compressedBytes > 0 && count / compressedBytes > maxRatio) {
            throw AnkiFormatException.worded("entryExpandsBomb", entry, String.valueOf(maxRatio),
                    String.valueOf(compressedBytes));
        }
        onBytes.accept(n);
    }
}
