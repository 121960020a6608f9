package dev.prepdeck.search;

/** A tag in use, in the folded spelling searches match, and how many cards carry it. */
public record TagCount(String tag, int cards) {

    /** The search that finds its cards (and those of tags below it). */
    public String query() {
        return "tag:" + (tag.matches("[^\\s\"()]+") ? tag : "\"" + tag.replace("\"", "\\\"") + "\"");
    }
}
