package dev.prepdeck.web;

import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

/**
 * A question (or other one-line card text) where a line is all the room there is: in a list of cards, inside a link
 * or a table cell, as inline HTML with its code spans and emphasis; in a sentence ("Undid Good on …") as plain text.
 * The card's own page renders the same Markdown as blocks ({@link MarkdownRenderer}), so a question reads the same
 * everywhere and never shows its backticks. Links become their text (a list row is already a link) and raw HTML is
 * escaped.
 */
public final class InlineMarkdown {
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .nodeRendererFactory(OneLine::new)
            .build();

    public String toHtml(String markdown) {
        return html.render(parser.parse(markdown == null ? "" : markdown)).strip();
    }

    /** What {@link #toHtml} shows, as text: for labels and sentences that name a question. */
    public String toPlainText(String markdown) {
        return Jsoup.parseBodyFragment(toHtml(markdown)).text();
    }

    /** Renders blocks as their inline content, one after the other on a line, and links and images as their text. */
    private static final class OneLine implements NodeRenderer {
        private final HtmlNodeRendererContext context;

        OneLine(HtmlNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Paragraph.class, Heading.class, BlockQuote.class, BulletList.class, OrderedList.class,
                    ListItem.class, FencedCodeBlock.class, IndentedCodeBlock.class, HtmlBlock.class,
                    ThematicBreak.class, Link.class, Image.class, SoftLineBreak.class, HardLineBreak.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                context.getWriter().text(" ");
                return;
            }
            if (node.getPrevious() != null && !(node instanceof Link || node instanceof Image)) {
                context.getWriter().text(" ");
            }
            if (node instanceof FencedCodeBlock code) {
                context.getWriter().text(code.getLiteral().strip());
            } else if (node instanceof IndentedCodeBlock code) {
                context.getWriter().text(code.getLiteral().strip());
            } else if (node instanceof HtmlBlock block) {
                context.getWriter().text(block.getLiteral().strip());
            } else {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
            }
        }
    }
}
