package dev.prepdeck.practice;

import dev.prepdeck.web.MarkdownRenderer;
import java.util.Set;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Marks matched words with {@code <mark>}, in the typed answer (plain text) and in the model answer (rendered
 * Markdown, raw HTML escaped as on every other page). Every character of user text goes out escaped.
 */
public final class Highlighter {
    private final TermAnalyzer analyzer;
    private final MarkdownRenderer renderer;

    public Highlighter(TermAnalyzer analyzer, MarkdownRenderer renderer) {
        this.analyzer = analyzer;
        this.renderer = renderer;
    }

    /** Plain text with the words whose term key is in {@code keys} marked; line breaks are kept by CSS. */
    public String plain(String text, Set<String> keys) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Term t : analyzer.terms(text)) {
            if (keys.contains(t.key()) && t.start() >= at) {
                out.append(escape(text.substring(at, t.start())))
                        .append("<mark>").append(escape(text.substring(t.start(), t.end()))).append("</mark>");
                at = t.end();
            }
        }
        return out.append(escape(text.substring(at))).toString();
    }

    /** Markdown rendered as on every page (media, links, escaping), with the matched words of its text marked. */
    public String markdown(String markdown, Set<String> keys) {
        return renderer.toHtml(markdown, context -> new MarkedText(context, keys));
    }

    private final class MarkedText implements NodeRenderer {
        private final HtmlWriter html;
        private final Set<String> keys;

        MarkedText(HtmlNodeRendererContext context, Set<String> keys) {
            this.html = context.getWriter();
            this.keys = keys;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Text.class);
        }

        @Override
        public void render(Node node) {
            String text = ((Text) node).getLiteral();
            int at = 0;
            for (Term t : analyzer.terms(text)) {
                if (keys.contains(t.key()) && t.start() >= at) {
                    html.text(text.substring(at, t.start()));
                    html.tag("mark");
                    html.text(text.substring(t.start(), t.end()));
                    html.tag("/mark");
                    at = t.end();
                }
            }
            html.text(text.substring(at));
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
