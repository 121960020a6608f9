package dev.prepdeck.media;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for media. A row whose bytes are NULL is a retired name: it still says which bytes the name stood for. */
final class MediaRepository {
    /** Names bound per statement, well under SQLite's limit on parameters. */
    private static final int BATCH = 500;

    /** What a name is bound to, whether or not its bytes are still kept. */
    record Binding(String sha256, boolean hasBytes) {
    }

    Optional<Binding> binding(Handle h, String name) {
        return h.createQuery("SELECT sha256, bytes IS NOT NULL AS has_bytes FROM media WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Binding(rs.getString("sha256"), rs.getBoolean("has_bytes")))
                .findOne();
    }

    void insert(Handle h, String name, MediaType type, String sha256, byte[] bytes, long now) {
        h.createUpdate("""
                        INSERT INTO media (name, sha256, content_type, size, bytes, created_at)
                        VALUES (:name, :sha256, :contentType, :size, :bytes, :now)""")
                .bind("name", name).bind("sha256", sha256).bind("contentType", type.contentType())
                .bind("size", bytes.length).bind("bytes", bytes).bind("now", now)
                .execute();
    }

    /** Gives a retired name its bytes back (the same bytes: the caller checked the digest). */
    void restore(Handle h, String name, byte[] bytes) {
        h.createUpdate("UPDATE media SET bytes = :bytes WHERE name = :name")
                .bind("name", name).bind("bytes", bytes).execute();
    }

    Optional<StoredMedia> find(Handle h, String name) {
        return h.createQuery("""
                        SELECT name, content_type, sha256, size FROM media
                        WHERE name = :name AND bytes IS NOT NULL""")
                .bind("name", name)
                .map((rs, ctx) -> new StoredMedia(rs.getString("name"),
                        MediaType.ofContentType(rs.getString("content_type")).orElseThrow(() ->
                                new IllegalStateException("media " + name + " has an unknown content type")),
                        rs.getString("sha256"), rs.getLong("size")))
                .findOne();
    }

    Optional<byte[]> bytes(Handle h, String name) {
        return h.createQuery("SELECT bytes FROM media WHERE name = :name AND bytes IS NOT NULL")
                .bind("name", name).mapTo(byte[].class).findOne();
    }

    boolean keepsAny(Handle h) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM media WHERE bytes IS NOT NULL)").mapTo(Boolean.class).one();
    }

    List<String> keptNames(Handle h) {
        return h.createQuery("SELECT name FROM media WHERE bytes IS NOT NULL ORDER BY name").mapTo(String.class).list();
    }

    void retire(Handle h, List<String> names) {
        for (int from = 0; from < names.size(); from += BATCH) {
            h.createUpdate("UPDATE media SET bytes = NULL WHERE name IN (<names>)")
                    .bindList("names", names.subList(from, Math.min(names.size(), from + BATCH))).execute();
        }
    }
}
