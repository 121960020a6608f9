package dev.prepdeck.anki.render;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Plain text of field HTML, the way Anki compares, sorts and checksums fields. */
public final class FieldText {
    private static final Pattern EMPTY = Pattern.compile("[\\s\\u200b\\u00a0]*");

    private FieldText() {
    }

    /** Text without tags, entities decoded, scripts and styles dropped. */
    public static String strip(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style").remove();
        return doc.body().wholeText();
    }

    /**
     * Like {@link #strip} but media tags leave their file name, padded with spaces, as rslib's
     * strip_html_preserving_media_filenames does: the text notes.sfld and notes.csum are computed from.
     */
    public static String stripPreservingMediaNames(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style").remove();
        for (Element media : doc.select("img[src], audio[src], video[src], source[src], object[data]")) {
            String name = media.hasAttr("src") ? media.attr("src") : media.attr("data");
            media.replaceWith(new org.jsoup.nodes.TextNode(" " + name + " "));
        }
        return doc.body().wholeText().replace('\u00a0', ' ');
    }

    /** Anki's field_is_empty: nothing but whitespace once tags are gone (an image alone is not empty). */
    public static boolean isEmpty(String html) {
        return EMPTY.matcher(stripPreservingMediaNames(html)).matches();
    }
}
