package dev.prepdeck.notes;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The images of uploaded notes, held in memory from their preview until the cards are saved, so nothing is stored
 * before the person chooses the cards. At most {@link #MAX_HELD_BYTES} are held: a new upload drops the oldest.
 * Each upload is known by an unguessable token the preview form carries.
 */
final class PendingImages {
    static final long MAX_HELD_BYTES = 200L << 20;

    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Map<String, byte[]>> held = new LinkedHashMap<>();
    private long heldBytes;

    /** Holds an upload's images (name → bytes) and returns the token to find them by. */
    synchronized String hold(Map<String, byte[]> images) {
        long size = size(images);
        for (Iterator<Map<String, byte[]>> oldest = held.values().iterator();
             oldest.hasNext() && heldBytes + size > MAX_HELD_BYTES; ) {
            heldBytes -= size(oldest.next());
            oldest.remove();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        held.put(token, Map.copyOf(images));
        heldBytes += size;
        return token;
    }

    /** The images held under {@code token}; empty once dropped for newer uploads or after a restart. */
    synchronized Optional<Map<String, byte[]>> get(String token) {
        return Optional.ofNullable(held.get(token));
    }

    /** Lets go of an upload's images once its cards are saved with them. */
    synchronized void release(String token) {
        Map<String, byte[]> images = held.remove(token);
        if (images != null) {
            heldBytes -= size(images);
        }
    }

    private static long size(Map<String, byte[]> images) {
        return images.values().stream().mapToLong(b -> b.length).sum();
    }
}
