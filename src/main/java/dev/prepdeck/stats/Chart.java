package dev.prepdeck.stats;

import java.util.List;

/**
 * One chart of the stats page: its heading, the inline SVG (built with every text escaped, so the page may insert
 * it unescaped) and the same figures as a table for screen readers, print and copy.
 */
public record Chart(String id, String heading, String svg, List<String> columns, List<List<String>> rows) {
}
