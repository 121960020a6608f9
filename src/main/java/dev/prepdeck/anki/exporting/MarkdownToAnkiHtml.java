package dev.prepdeck.anki.exporting;

import dev.prepdeck.anki.render.ClozeText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * prepdeck Markdown to the HTML of an Anki field, as the study page would show it: raw HTML in the Markdown is
 * escaped, unsafe link targets are dropped, image targets become media file names, and a {@code [sound: name](target)}
 * link becomes Anki's {@code [sound:name]} again, and a cloze deletion ({@link ClozeText#MARKDOWN_TARGET}) a
 * {@code <span class="cloze">}. Collects the media names it writes.
 */
public final class MarkdownToAnkiHtml {
    private static final Pattern SOUND_LINK = Pattern.compile("<a [^>]*href=\"([^\"]*)\"[^>]*>sound: [^<]*</a>");
    private static final Pattern CLOZE_LINK = Pattern.compile(
            "<a [^>]*href=\"" + Pattern.quote(ClozeText.MARKDOWN_TARGET) + "\"[^>]*>(.*?)</a>", Pattern.DOTALL);

    private final List<Extension> extensions = List.of(TablesExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final UnaryOperator<String> mediaName;
    private final Set<String> media = new LinkedHashSet<>();
    private final HtmlRenderer renderer;

    /** @param mediaName turns an image or sound link target into the media file name Anki will know it by */
    public MarkdownToAnkiHtml(UnaryOperator<String> mediaName) {
        this.mediaName = mediaName;
        this.renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                    if (node instanceof Image && attributes.containsKey("src")) {
                        String src = attributes.get("src");
                        if (!src.startsWith("http://") && !src.startsWith("https://")) {
                            String name = mediaName.apply(src);
                            media.add(name);
                            attributes.put("src", name);
                        }
                    }
                })
                .build();
    }

    public String html(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown)).strip();
        Matcher sound = SOUND_LINK.matcher(html);
        StringBuilder out = new StringBuilder();
        while (sound.find()) {
            String name = mediaName.apply(unescape(sound.group(1)));
            media.add(name);
            sound.appendReplacement(out, Matcher.quoteReplacement("[sound:" + escape(name) + "]"));
        }
        sound.appendTail(out);
        // a deletion is shown as Anki's cloze notes show theirs, and reads back as one when imported again
        return CLOZE_LINK.matcher(out).replaceAll("<span class=\"cloze\">$1</span>");
    }

    /** Every media name written so far. */
    public Set<String> media() {
        return Set.copyOf(media);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
