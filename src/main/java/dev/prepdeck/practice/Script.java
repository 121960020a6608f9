package dev.prepdeck.practice;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Which language a text is mostly written in, and which of a point's terms an answer in the other one can say. */
final class Script {
    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** A name or an identifier a Chinese answer keeps as written: HPA, Kubernetes, p95, count(*), map_input_file. */
    private static final Pattern KEPT_AS_WRITTEN = Pattern.compile(".*(?:\\p{Lu}|\\d|[_.(*]).*");

    private Script() {
    }

    /** Chinese when it has more Chinese words (about two characters each) than Latin ones. */
    static boolean mostlyChinese(String text) {
        long han = HAN.matcher(text).results().count();
        long latin = LATIN_WORD.matcher(text).results().count();
        return han / 2.0 > latin;
    }

    /**
     * The point's terms an answer in the other language can say: glossary groups (keys starting "="), and besides
     * them Latin terms in an English answer, or the names and identifiers a Chinese answer keeps as written.
     */
    static Set<String> sayableIn(AnalysedPoint point, boolean answerInChinese) {
        Set<String> sayable = new LinkedHashSet<>();
        for (String key : point.part().keySet()) {
            boolean glossary = key.startsWith("=");
            boolean chineseKey = HAN.matcher(key).find();
            String surface = point.surface().getOrDefault(key, key);
            if (glossary || (!answerInChinese && !chineseKey)
                    || (answerInChinese && !chineseKey && KEPT_AS_WRITTEN.matcher(surface).matches())) {
                sayable.add(key);
            }
        }
        return sayable;
    }
}
