package dev.prepdeck.deck;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A question/answer card as stored; scheduling state lives per learner in card_state. */
public record Card(
        long id,
        long deckId,
        String uid,
        String question,
        String answer,
        String tags,
        String meta,
        int position,
        boolean removedFromSource) {

    public List<String> tagList() {
        return splitTags(tags);
    }

    public Map<String, String> metaMap() {
        return parseMeta(meta);
    }

    public static List<String> splitTags(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    public static String joinTags(List<String> tags) {
        return String.join(", ", tags);
    }

    static Map<String, String> parseMeta(String meta) {
        Map<String, String> result = new LinkedHashMap<>();
        if (meta == null) {
            return result;
        }
        for (String line : meta.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                result.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return result;
    }

    static String formatMeta(Map<String, String> meta) {
        StringBuilder out = new StringBuilder();
        meta.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        return out.toString().strip();
    }
}
