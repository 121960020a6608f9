package dev.prepdeck.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * How card Markdown refers to a media file: a link or image whose destination is {@code media/NAME}, relative,
 * as a deck file beside a {@code media/} folder writes it ({@code ![alt](media/join.png)},
 * {@code [sound: word.mp3](media/word.mp3)}). The site serves the file at {@code /media/NAME}; a link to a sound
 * (by its name's extension) is shown as a player. The renderer, deck import and export all read references here.
 */
public final class MediaLinks {
    /** The folder beside a deck file that holds its media, and the first segment of every reference. */
    public static final String FOLDER = "media";
    private static final String PREFIX = FOLDER + "/";
    static final String ROUTE = "/media/";

    /** The extensions of the sounds the media store takes (its MediaType.Kind.AUDIO types). */
    private static final Set<String> AUDIO_EXTENSIONS = Set.of("mp3", "ogg", "oga", "opus", "wav", "m4a", "aac",
            "webm", "weba");

    private static final Parser PARSER = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private MediaLinks() {
    }

    /**
     * One reference to a media file.
     *
     * @param name  the file name, percent-escapes decoded
     * @param line  1-based line of the reference in the Markdown it was found in
     * @param image true for {@code ![alt](media/NAME)}, false for a link
     */
    public record Reference(String name, int line, boolean image) {
    }

    /** The media file a link or image destination names, or empty when it is not {@code media/NAME}. */
    public static Optional<String> name(String destination) {
        if (destination == null || !destination.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = destination.substring(PREFIX.length());
        if (rest.isEmpty() || rest.contains("/") || rest.contains("\\") || rest.contains("?") || rest.contains("#")) {
            return Optional.empty();
        }
        return percentDecoded(rest).filter(name -> !name.equals(".") && !name.equals("..")
                && !name.contains("/") && !name.contains("\\"));
    }

    /** True when the name's extension is a sound's, so a link to it is shown as a player. */
    public static boolean isAudio(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && AUDIO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The address the site serves a media file at, every byte outside letters, digits and ".-_~" escaped. */
    static String servedAt(String name) {
        StringBuilder out = new StringBuilder(ROUTE);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".-_~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** Every media reference in {@code markdown}, in order; code spans and blocks hold none. */
    public static List<Reference> find(String markdown) {
        if (cannotReferMedia(markdown)) {
            return List.of();
        }
        List<Reference> found = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                name(image.getDestination()).ifPresent(n -> found.add(new Reference(n, line(image), true)));
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                name(link.getDestination()).ifPresent(n -> found.add(new Reference(n, line(link), false)));
                visitChildren(link);
            }
        });
        return found;
    }

    /**
     * True when no destination in {@code markdown} can spell {@code media/}: letters take no backslash escape, so
     * only an entity ({@code &#109;edia/}) could hide the word. Saves a whole Markdown parse per deck file and card
     * on imports and exports, where most text has no media.
     */
    private static boolean cannotReferMedia(String markdown) {
        return markdown.indexOf('&') < 0 && !markdown.contains(FOLDER);
    }

    /**
     * {@code markdown} with every reference to a name in {@code renames} pointing at its new name instead; the rest
     * of the text, other references included, stays exactly as written.
     */
    public static String rename(String markdown, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return markdown;
        }
        List<int[]> edits = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                edit(image.getDestination(), destinationAfterText(markdown, image));
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                edit(link.getDestination(), destinationAfterText(markdown, link));
                visitChildren(link);
            }

            @Override
            public void visit(LinkReferenceDefinition definition) {
                edit(definition.getDestination(), destinationOfDefinition(markdown, definition));
            }

            private void edit(String destination, int[] range) {
                Optional<String> name = name(destination);
                if (name.isPresent() && renames.containsKey(name.get()) && range != null) {
                    edits.add(range);
                    replacements.add(PREFIX + renames.get(name.get()));
                }
            }
        });
        StringBuilder out = new StringBuilder(markdown);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < edits.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> edits.get(i)[0]).reversed());
        for (int i : order) {
            out.replace(edits.get(i)[0], edits.get(i)[1], replacements.get(i));
        }
        return out.toString();
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
    }

    /**
     * Where the destination of an inline link or image is written: after the link text's closing {@code ](},
     * blanks and an optional {@code <}. Null for a reference link ({@code [text][label]}), whose destination is in
     * its definition.
     */
    private static int[] destinationAfterText(String markdown, Node link) {
        List<SourceSpan> spans = link.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        int textEnd = spans.get(0).getInputIndex() + (link instanceof Image ? 2 : 1);
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            for (SourceSpan span : child.getSourceSpans()) {
                textEnd = Math.max(textEnd, span.getInputIndex() + span.getLength());
            }
        }
        int close = markdown.indexOf("](", textEnd);
        SourceSpan last = spans.get(spans.size() - 1);
        int end = last.getInputIndex() + last.getLength();
        return close < 0 || close >= end ? null : destinationAt(markdown, close + 2, end);
    }

    /** Where the destination of {@code [label]: destination "title"} is written. */
    private static int[] destinationOfDefinition(String markdown, LinkReferenceDefinition definition) {
        List<SourceSpan> spans = definition.getSourceSpans();
        if (spans.isEmpty()) {
            return null;
        }
        int colon = markdown.indexOf("]:", spans.get(0).getInputIndex());
        SourceSpan last = spans.get(spans.size() - 1);
        return colon < 0 ? null : destinationAt(markdown, colon + 2, last.getInputIndex() + last.getLength());
    }

    /** The destination starting after blanks at {@code from}: up to '>' when bracketed, else up to a blank. */
    private static int[] destinationAt(String markdown, int from, int end) {
        int start = from;
        while (start < end && Character.isWhitespace(markdown.charAt(start))) {
            start++;
        }
        if (start < end && markdown.charAt(start) == '<') {
            int close = markdown.indexOf('>', start);
            return close < 0 || close > end ? null : new int[] {start + 1, close};
        }
        int depth = 0;
        int at = start;
        while (at < end) {
            char c = markdown.charAt(at);
            if (c == '\\' && at + 1 < end) {
                at += 2;
                continue;
            }
            if (Character.isWhitespace(c) || (c == ')' && depth == 0)) {
                break;
            }
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            at++;
        }
        return at == start ? null : new int[] {start, at};
    }

    /** Percent-escapes decoded as UTF-8; empty when they do not decode ('+' stays, as in a path). */
    private static Optional<String> percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%') {
                if (i + 2 >= utf8.length || Character.digit(utf8[i + 1], 16) < 0 || Character.digit(utf8[i + 2], 16) < 0) {
                    return Optional.empty();
                }
                bytes.write(Character.digit(utf8[i + 1], 16) * 16 + Character.digit(utf8[i + 2], 16));
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
