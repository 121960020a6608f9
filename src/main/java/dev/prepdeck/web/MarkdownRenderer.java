package dev.prepdeck.web;

import dev.prepdeck.anki.render.ClozeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlNodeRendererFactory;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Card text to HTML. Raw HTML in card text is escaped, never passed through, and only http, https and mailto
 * addresses (or relative ones) stay in links and images, so javascript: and data: never become live.
 *
 * <p>Media references ({@link MediaLinks}) point at {@code /media/NAME}, and a link to a sound gets a player in
 * front of it. Images load lazily and never overflow the card (CSS). A cloze deletion, marked as a link to
 * {@link ClozeText#MARKDOWN_TARGET}, is drawn as a {@code <span class="cloze">}: "[...]" on the question, the
 * revealed text on the answer.
 */
public final class MarkdownRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final DefaultUrlSanitizer WEB_ADDRESSES_ONLY = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = builder().build();

    public String toHtml(String markdown) {
        return renderer.render(parsed(markdown));
    }

    /**
     * As {@link #toHtml(String)}, with the card's text drawn by {@code textRenderer} (a {@link NodeRenderer} for
     * {@link Text} nodes, e.g. practice marking matched words).
     */
    public String toHtml(String markdown, HtmlNodeRendererFactory textRenderer) {
        return builder().nodeRendererFactory(textRenderer).build().render(parsed(markdown));
    }

    private static HtmlRenderer.Builder builder() {
        return HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(WEB_ADDRESSES_ONLY)
                .attributeProviderFactory(context -> MarkdownRenderer::attributes)
                .nodeRendererFactory(SoundPlayer.Renderer::new)
                .nodeRendererFactory(ClozeDeletion.Renderer::new);
    }

    private Node parsed(String markdown) {
        Node document = parser.parse(markdown == null ? "" : markdown);
        servedMedia(document);
        clozeDeletions(document);
        return document;
    }

    /**
     * Wide code blocks and tables scroll sideways (often on a phone), so keyboard users must be able to focus
     * them; images load only when scrolled to.
     */
    private static void attributes(Node node, String tagName, Map<String, String> attributes) {
        if (tagName.equals("pre") || tagName.equals("table")) {
            attributes.put("tabindex", "0");
        } else if (tagName.equals("img")) {
            attributes.put("loading", "lazy");
        }
    }

    /** Points media references at the site's copy, and puts a player in front of every link to a sound. */
    private static void servedMedia(Node document) {
        List<Link> sounds = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                MediaLinks.name(image.getDestination())
                        .ifPresent(name -> image.setDestination(MediaLinks.servedAt(name)));
                visitChildren(image);
            }

            @Override
            public void visit(Link link) {
                MediaLinks.name(link.getDestination()).ifPresent(name -> {
                    link.setDestination(MediaLinks.servedAt(name));
                    if (MediaLinks.isAudio(name)) {
                        sounds.add(link);
                    }
                });
                visitChildren(link);
            }
        });
        for (Link link : sounds) {
            SoundPlayer player = new SoundPlayer(link.getDestination(), plainText(link));
            link.insertBefore(player);
            player.appendChild(link);
        }
    }

    /** Every link to {@link ClozeText#MARKDOWN_TARGET} becomes a deletion holding the link's text. */
    private static void clozeDeletions(Node document) {
        List<Link> marks = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (ClozeText.MARKDOWN_TARGET.equals(link.getDestination())) {
                    marks.add(link);
                }
                visitChildren(link);
            }
        });
        for (Link link : marks) {
            ClozeDeletion deletion = new ClozeDeletion();
            for (Node child = link.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                deletion.appendChild(child);
                child = next;
            }
            link.insertBefore(deletion);
            link.unlink();
        }
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString().strip();
    }

    /** Draws one kind of node as a span of a CSS class holding what {@link #lead} writes, then the node's children. */
    private abstract static class SpanRenderer implements NodeRenderer {
        final HtmlNodeRendererContext context;
        final HtmlWriter html;
        private final Class<? extends Node> type;
        private final String cssClass;

        SpanRenderer(HtmlNodeRendererContext context, Class<? extends Node> type, String cssClass) {
            this.context = context;
            this.html = context.getWriter();
            this.type = type;
            this.cssClass = cssClass;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(type);
        }

        @Override
        public void render(Node node) {
            html.tag("span", context.extendAttributes(node, "span", Map.of("class", cssClass)));
            lead(node);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/span");
        }

        void lead(Node node) {
        }
    }

    /** A sound as a player followed by its link (kept for browsers that cannot play the format). */
    private static final class SoundPlayer extends CustomNode {
        private final String source;
        private final String label;

        SoundPlayer(String source, String label) {
            this.source = source;
            this.label = label;
        }

        private static final class Renderer extends SpanRenderer {
            Renderer(HtmlNodeRendererContext context) {
                super(context, SoundPlayer.class, "sound");
            }

            @Override
            void lead(Node node) {
                SoundPlayer player = (SoundPlayer) node;
                Map<String, String> audio = new LinkedHashMap<>();
                audio.put("controls", "");
                audio.put("preload", "none");
                audio.put("src", context.encodeUrl(player.source));
                if (!player.label.isEmpty()) {
                    audio.put("aria-label", player.label);
                }
                html.tag("audio", context.extendAttributes(node, "audio", audio));
                html.tag("/audio");
                html.raw(" ");
            }
        }
    }

    /** A cloze deletion: its text (or "[...]" on the question side) in a span the stylesheet marks. */
    private static final class ClozeDeletion extends CustomNode {
        private static final class Renderer extends SpanRenderer {
            Renderer(HtmlNodeRendererContext context) {
                super(context, ClozeDeletion.class, "cloze");
            }
        }
    }
}
