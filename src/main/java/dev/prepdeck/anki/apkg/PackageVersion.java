package dev.prepdeck.anki.apkg;

/** The three package layouts Anki has written, told apart by the "meta" entry and the collection's file name. */
public enum PackageVersion {
    /** collection.anki2 (schema 11), deflated; JSON media map. Anki 2.0 and "support older versions" exports. */
    LEGACY_1("collection.anki2"),
    /** collection.anki21 (schema 11), deflated; JSON media map. Anki 2.1 before 2.1.50. */
    LEGACY_2("collection.anki21"),
    /** collection.anki21b (schema 18), zstd; protobuf meta and zstd protobuf media map, zstd media files. */
    LATEST("collection.anki21b");

    private final String collectionEntry;

    PackageVersion(String collectionEntry) {
        this.collectionEntry = collectionEntry;
    }

    public String collectionEntry() {
        return collectionEntry;
    }

    public boolean zstd() {
        return this == LATEST;
    }
}
