package dev.prepdeck.media;

/**
 * A media file the store holds: the name to reference it by ({@code media/NAME} in Markdown), its type as sniffed
 * from its bytes, their SHA-256 (hex) and their size.
 */
public record StoredMedia(String name, MediaType type, String sha256, long size) {
}
