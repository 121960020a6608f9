package dev.prepdeck.media;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The images and sounds a card may show, each recognised by its first bytes, never by its name: a name can say
 * anything, and a browser told "nosniff" trusts the content type we send, so it must come from the bytes.
 */
public enum MediaType {
    PNG("image/png", Kind.IMAGE, "png"),
    JPEG("image/jpeg", Kind.IMAGE, "jpg", "jpeg"),
    GIF("image/gif", Kind.IMAGE, "gif"),
    WEBP("image/webp", Kind.IMAGE, "webp"),
    /** A document that may carry scripts: shown through img only, and downloaded when opened on its own. */
    SVG("image/svg+xml", Kind.DRAWING, "svg"),
    MP3("audio/mpeg", Kind.AUDIO, "mp3"),
    OGG("audio/ogg", Kind.AUDIO, "ogg", "oga", "opus"),
    WAV("audio/wav", Kind.AUDIO, "wav"),
    M4A("audio/mp4", Kind.AUDIO, "m4a"),
    AAC("audio/aac", Kind.AUDIO, "aac"),
    WEBM("audio/webm", Kind.AUDIO, "webm", "weba");

    /** Raster images share their names' extensions (Anki decks hold PNGs named .jpg), as do sounds. */
    public enum Kind {
        IMAGE, DRAWING, AUDIO
    }

    /** What {@link #sniff} accepts, for error messages. */
    static final String ALLOWED = "PNG, JPEG, GIF, WebP or SVG images, or MP3, Ogg (Vorbis or Opus), WAV, "
            + "M4A, AAC or WebM sounds";

    private final String contentType;
    private final Kind kind;
    private final List<String> extensions;

    MediaType(String contentType, Kind kind, String... extensions) {
        this.contentType = contentType;
        this.kind = kind;
        this.extensions = List.of(extensions);
    }

    public String contentType() {
        return contentType;
    }

    public Kind kind() {
        return kind;
    }

    /** The extension a name gets when it has none. */
    public String extension() {
        return extensions.get(0);
    }

    /** True when a file named with this extension (lower case, without the dot) may hold this type. */
    public boolean fitsExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).anyMatch(t -> t.kind == kind && t.extensions.contains(lower));
    }

    /** The type whose content type this is (as stored); empty for anything else. */
    static Optional<MediaType> ofContentType(String contentType) {
        return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
    }

    /** The type these bytes are, by their signature; empty when they are none of the allowed types. */
    public static Optional<MediaType> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (startsWith(bytes, 0, "ID3") || isMpegLayer3Frame(bytes)) {
            return Optional.of(MP3);
        }
        if (isAdtsFrame(bytes)) {
            return Optional.of(AAC);
        }
        if (startsWith(bytes, 0, "OggS") && isOggAudio(bytes)) {
            return Optional.of(OGG);
        }
        if (startsWith(bytes, 4, "ftyp") && isMp4Audio(bytes)) {
            return Optional.of(M4A);
        }
        if (startsWith(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3) && isWebm(bytes)) {
            return Optional.of(WEBM);
        }
        if (SvgSniffer.isSvg(bytes)) {
            return Optional.of(SVG);
        }
        return Optional.empty();
    }

    /** An MPEG-1/2 layer III frame header: 11 sync bits, a real version, layer III, a real bitrate. */
    private static boolean isMpegLayer3Frame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b[1] >> 3) & 0x3;
        int layer = (b[1] >> 1) & 0x3;
        int bitrate = (b[2] >> 4) & 0xF;
        return version != 0x1 && layer == 0x1 && bitrate != 0xF;
    }

    /** An ADTS header (raw AAC): 12 sync bits and layer 00, which MPEG audio never uses. */
    private static boolean isAdtsFrame(byte[] b) {
        return b.length >= 7 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xF6) == 0xF0;
    }

    /** The first Ogg page must start an Opus or Vorbis stream; Ogg also carries video, which is refused. */
    private static boolean isOggAudio(byte[] b) {
        if (b.length < 27) {
            return false;
        }
        int packet = 27 + (b[26] & 0xFF);
        return startsWith(b, packet, "OpusHead") || startsWith(b, packet, 0x01, 'v', 'o', 'r', 'b', 'i', 's');
    }

    /** An MPEG-4 file branded as audio (M4A, M4B) in its major or compatible brands. */
    private static boolean isMp4Audio(byte[] b) {
        if (b.length < 12) {
            return false;
        }
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int end = (int) Math.min(Math.max(boxSize, 12), Math.min(b.length, 256));
        for (int at = 8; at + 4 <= end; at += 4) {
            if (at != 12 && (startsWith(b, at, "M4A ") || startsWith(b, at, "M4B "))) {
                return true;
            }
        }
        return false;
    }

    /** An EBML header whose DocType element says "webm" (plain Matroska is refused). */
    private static boolean isWebm(byte[] b) {
        int end = Math.min(b.length, 64);
        for (int at = 4; at + 3 < end; at++) {
            if ((b[at] & 0xFF) == 0x42 && (b[at + 1] & 0xFF) == 0x82) {
                int length = b[at + 2] & 0x7F;
                return (b[at + 2] & 0x80) != 0 && length == 4 && startsWith(b, at + 3, "webm");
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int at, int... expected) {
        if (at < 0 || bytes.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int at, String ascii) {
        return startsWith(bytes, at, ascii.chars().toArray());
    }
}
