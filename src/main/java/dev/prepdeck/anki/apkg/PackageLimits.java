package dev.prepdeck.anki.apkg;

/**
 * Caps that keep a hostile package (a zip or zstd bomb, a million tiny entries) from filling the disk or memory.
 * A package over any cap is refused with a message naming the entry and the cap.
 *
 * @param maxEntries          zip entries in the package
 * @param maxEntryBytes       expanded size of any one entry (the collection or one media file)
 * @param maxTotalBytes       expanded size of everything read from the package together
 * @param maxCompressionRatio how many times its compressed size an entry may expand once it is past 1 MiB
 */
public record PackageLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio) {

    /** Ratios are not checked below this size: small, repetitive files legitimately compress very well. */
    static final long RATIO_FREE_BYTES = 1 << 20;

    public PackageLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxCompressionRatio < 1) {
            throw new IllegalArgumentException("package limits must be positive");
        }
    }

    /** 50,000 entries, 512 MiB per entry, 2 GiB in all, 200 times compression. */
    public static PackageLimits defaults() {
        return new PackageLimits(50_000, 512L << 20, 2L << 30, 200);
    }
}
