package dev.prepdeck.web;

import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Card text to HTML. Raw HTML in card text is escaped, never passed through, and link targets such as
 * javascript: are dropped, so hostile card text stays inert.
 */
public final class MarkdownRenderer {
    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> MarkdownRenderer::focusableScrollers)
            .build();

    /** Wide code blocks and tables scroll sideways (often on a phone); keyboard users must be able to focus them. */
    private static void focusableScrollers(Node node, String tagName, Map<String, String> attributes) {
        if (tagName.equals("pre") || tagName.equals("table")) {
            attributes.put("tabindex", "0");
        }
    }

    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
