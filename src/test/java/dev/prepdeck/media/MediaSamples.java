package dev.prepdeck.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Small media files for tests, made here: raster images drawn with ImageIO, sounds as the header bytes their
 * formats begin with (what the store sniffs) followed by silence.
 */
public final class MediaSamples {
    private MediaSamples() {
    }

    /** A labelled diagram of the given size, as PNG. */
    public static byte[] png(int width, int height, String label) {
        return image("png", width, height, label, BufferedImage.TYPE_INT_ARGB);
    }

    public static byte[] png() {
        return png(4, 3, "");
    }

    public static byte[] jpeg() {
        return image("jpg", 8, 8, "", BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] gif() {
        return image("gif", 4, 4, "", BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] webp() {
        return concat(ascii("RIFF"), new byte[] {26, 0, 0, 0}, ascii("WEBPVP8L"), new byte[] {13, 0, 0, 0, 0x2F},
                new byte[13]);
    }

    public static byte[] svg() {
        return ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- drawn by hand -->\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n");
    }

    /** An MPEG-1 layer III frame header (128 kbit/s, 44.1 kHz), then silence. */
    public static byte[] mp3() {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, new byte[413]);
    }

    public static byte[] mp3WithId3Tag() {
        return concat(ascii("ID3"), new byte[] {4, 0, 0, 0, 0, 0, 0}, mp3());
    }

    /** The first page of an Ogg Opus stream. */
    public static byte[] oggOpus() {
        byte[] head = concat(ascii("OpusHead"), new byte[] {1, 1, 0x38, 1, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0});
        return concat(ascii("OggS"), new byte[22], new byte[] {1, (byte) head.length}, head);
    }

    public static byte[] oggVorbis() {
        byte[] head = concat(new byte[] {1}, ascii("vorbis"), new byte[23]);
        return concat(ascii("OggS"), new byte[22], new byte[] {1, (byte) head.length}, head);
    }

    /** The first page of an Ogg Theora (video) stream, which the store refuses. */
    public static byte[] oggTheora() {
        byte[] head = concat(new byte[] {(byte) 0x80}, ascii("theora"), new byte[35]);
        return concat(ascii("OggS"), new byte[22], new byte[] {1, (byte) head.length}, head);
    }

    public static byte[] wav() {
        return concat(ascii("RIFF"), new byte[] {40, 0, 0, 0}, ascii("WAVEfmt "), new byte[] {16, 0, 0, 0, 1, 0, 1, 0},
                new byte[] {0x40, 0x1F, 0, 0, (byte) 0x80, 0x3E, 0, 0, 2, 0, 16, 0}, ascii("data"), new byte[] {4, 0, 0, 0},
                new byte[4]);
    }

    /** An MPEG-4 file type box with the M4A brand. */
    public static byte[] m4a() {
        return concat(new byte[] {0, 0, 0, 0x20}, ascii("ftypM4A "), new byte[] {0, 0, 2, 0}, ascii("M4A mp42isom"),
                new byte[] {0, 0, 0, 8}, ascii("free"));
    }

    /** An MPEG-4 video (brand isom only), which the store refuses. */
    public static byte[] mp4Video() {
        return concat(new byte[] {0, 0, 0, 0x18}, ascii("ftypisom"), new byte[] {0, 0, 2, 0}, ascii("isomavc1"));
    }

    /** An ADTS frame header (AAC LC, 44.1 kHz, stereo). */
    public static byte[] aac() {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x02, 0x1F, (byte) 0xFC}, new byte[16]);
    }

    /** An EBML header with DocType "webm". */
    public static byte[] webm() {
        return concat(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1,
                0x42, (byte) 0xF7, (byte) 0x81, 1, 0x42, (byte) 0x82, (byte) 0x84}, ascii("webm"), new byte[16]);
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] concat(byte[]... parts) {
        int size = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static byte[] image(String format, int width, int height, String label, int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4, 0xF1, 0xE8));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x2B, 0x59, 0x9B));
        g.fillRect(width / 10, height / 4, width / 3, height / 2);
        g.setColor(new Color(0x9B, 0x3D, 0x2B));
        g.fillRect(width * 17 / 30, height / 4, width / 3, height / 2);
        if (!label.isEmpty()) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, height / 12)));
            g.drawString(label, width / 10, height / 6);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
