package dev.prepdeck.anki;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Note guids for prepdeck cards, and card uids for Anki notes. A prepdeck card's guid is "prepdeck:" and its uid
 * (percent-encoded where needed), so the same card always gets the same guid and an Anki package made by prepdeck
 * gives the uids back. Other notes' uids are "anki-" and the hex of their guid (or of its SHA-256, for a guid too long
 * for that): stable, and a valid card id in a deck file whatever characters the guid holds.
 */
public final class PrepdeckGuids {
    private static final String PREFIX = "prepdeck:";
    private static final String ANKI_PREFIX = "anki-";
    /** The card ids a deck file accepts (deck/file's rule: 1-64 letters, digits, '.', '-', '_'). */
    private static final Pattern CARD_ID = Pattern.compile("[\\p{L}\\p{Nd}._-]{1,64}");
    /** Room left in a card id for ".N", the card of a note with several. */
    private static final int NOTE_ID_LENGTH = 60;

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

    /**
     * A uid for a card of the note with this guid: the prepdeck uid if prepdeck made the note (and it is a valid
     * card id), else "anki-" and the guid in hex.
     */
    public static String uidForNote(String guid) {
        Optional<String> prepdeck = uidFromGuid(guid).filter(uid -> CARD_ID.matcher(uid).matches());
        if (prepdeck.isPresent()) {
            return prepdeck.get();
        }
        String hex = HexFormat.of().formatHex(guid.getBytes(StandardCharsets.UTF_8));
        return ANKI_PREFIX + (ANKI_PREFIX.length() + hex.length() <= NOTE_ID_LENGTH ? hex : sha256(guid).substring(0, 40));
    }

    /**
     * The uid of card {@code number} (1-based) of a note with several cards: the note's uid and ".N", a valid card id
     * even when the note's uid is already long.
     */
    public static String uidForNoteCard(String guid, int number) {
        String uid = uidForNote(guid) + "." + number;
        return CARD_ID.matcher(uid).matches() ? uid : ANKI_PREFIX + sha256(guid).substring(0, 40) + "." + number;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
