package dev.prepdeck.practice;

/**
 * One content term of a text: its comparison key (stemmed, lower case, or a synonym group's key) and where it
 * stands in the original text, so matched words can be highlighted in place.
 */
public record Term(String key, int start, int end) {
}
