package dev.prepdeck.anki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Note guids for prepdeck cards, and card uids for Anki notes. A prepdeck card's guid is "prepdeck:" and its uid
 * (percent-encoded where needed), so the same card always gets the same guid and an Anki package made by prepdeck
 * gives the uids back. Other notes' uids are "anki-" and the hex of their guid: stable, and safe to write in a deck
 * file whatever characters the guid holds.
 */
public final class PrepdeckGuids {
    private static final String PREFIX = "prepdeck:";
    private static final String ANKI_PREFIX = "anki-";

    private PrepdeckGuids() {
    }

    public static String guidFor(String uid) {
        StringBuilder out = new StringBuilder(PREFIX);
        for (byte b : uid.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /** The prepdeck uid a guid was made from, if it was made by {@link #guidFor}. */
    public static Optional<String> uidFromGuid(String guid) {
        if (!guid.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = guid.substring(PREFIX.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                try {
                    bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    return Optional.empty();
                }
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        String uid = bytes.toString(StandardCharsets.UTF_8);
        return uid.isEmpty() ? Optional.empty() : Optional.of(uid);
    }

    /** A uid for a card of the note with this guid: the prepdeck uid if prepdeck made the note. */
    public static String uidForNote(String guid) {
        return uidFromGuid(guid)
                .orElseGet(() -> ANKI_PREFIX + HexFormat.of().formatHex(guid.getBytes(StandardCharsets.UTF_8)));
    }
}
