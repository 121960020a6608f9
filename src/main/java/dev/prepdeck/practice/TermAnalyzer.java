package dev.prepdeck.practice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Turns English, Chinese or mixed text into content terms that compare across both languages.
 *
 * <p>Text is NFKC-normalised (full width to half width). English words are split out of identifiers
 * ({@code snake_case}, {@code dotted.names}, {@code camelCase}: the whole identifier and its parts), lower-cased,
 * stop words dropped and the rest Porter-stemmed; a stop word written in capitals or standing in a short run of
 * Latin words inside Chinese text is kept, because there it is a keyword ({@code FROM}, {@code AS}, {@code IN}).
 * Chinese is cut at the glossary's words first (longest match, so segmentation never hides a known term), and what
 * is left goes to Lucene's smartcn; runs of single characters it could not place become character bigrams.
 * Finally every glossary alternative, English or Chinese, folds onto its group's key, so "canary" and "金丝雀",
 * "k8s" and "Kubernetes" compare equal.
 */
public final class TermAnalyzer {
    private static final Pattern ADJACENT = Pattern.compile("[\\s\\-/]*(?:\\p{IsLatin}{1,4}[\\s\\-/]+){0,2}");
    /**
     * Spoken fillers: stop words even in a short run of Latin words inside Chinese text, where other stop words are
     * read as keywords ("嗯 so basically container 是…" is about the container, not about "so"), unless the word is
     * glued to the Chinese as part of a name ("so库").
     */
    private static final Set<String> FILLERS = Set.of("so", "basically", "actually", "um", "uh", "yeah", "ok",
            "okay", "well", "really", "just");
    private static final Pattern IDENTIFIER_PARTS = Pattern.compile("[._:/\\-]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    private static final int MOST_CACHED_PARTS = 8192;
    private static final Pattern NEGATION = Pattern.compile("[不没未无非别勿]");
    /** The glossary concepts inside a Chinese glossary word, by the word ({@link #partsOf}). */
    private final Map<String, Set<String>> partsBySurface = new ConcurrentHashMap<>();
    /** Where the tables come from, read on first use; null once they are built. */
    private Supplier<Tables> source;
    private volatile Tables tables;

    /** What the analyser looks words up in, built once from the stop words and the glossary. */
    private static final class Tables {
        private final CharArraySet stopWords;
        /** English one-word glossary alternatives, matched as written (plurals aside) before any stemming. */
        private final Set<String> englishWords = new HashSet<>();
        /** The Porter stem of each English glossary word, where one word (or the word equal to the stem) owns it. */
        private final Map<String, String> wordOfStem = new HashMap<>();
        /** Chinese words of the glossary, matched on the characters before any segmentation. */
        private final Set<String> chineseWords = new HashSet<>();
        private int longestChineseWord = 1;
        /** Each one-word glossary alternative's key mapped to its group's key. */
        private final Map<String, String> groups = new HashMap<>();
        /** Each longer alternative as its words' group keys (or keys), joined by a space, mapped to its group's key. */
        private final Map<String, String> phrases = new HashMap<>();
        private int longestAlternative = 1;

        private Tables(CharArraySet stopWords) {
            this.stopWords = stopWords;
        }
    }

    private TermAnalyzer(Tables tables) {
        this.tables = tables;
    }

    private TermAnalyzer(Supplier<Tables> source) {
        this.source = source;
    }

    /** The tables, built by the first caller; later callers see them through the volatile field. */
    private Tables tables() {
        Tables built = tables;
        if (built == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = source.get();
                    source = null;
                }
                built = tables;
            }
        }
        return built;
    }

    /**
     * The analyser with the shipped stop words and glossary (resources practice/stopwords.txt, glossary.txt), read
     * when it first analyses a text, so that start-up does not wait for the glossary.
     */
    public static TermAnalyzer shipped() {
        return new TermAnalyzer(() -> tables(lines("/practice/stopwords.txt"), lines("/practice/glossary.txt"),
                "glossary.txt"));
    }

    /**
     * An analyser from stop word lines and glossary lines (one group of alternatives a line, separated by commas).
     * An alternative listed in two groups is an error naming both lines, as is a group that folds to nothing.
     */
    static TermAnalyzer of(List<Line> stopWordLines, List<Line> glossaryLines, String glossaryName) {
        return new TermAnalyzer(tables(stopWordLines, glossaryLines, glossaryName));
    }

    private static Tables tables(List<Line> stopWordLines, List<Line> glossaryLines, String glossaryName) {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stopWordLines.forEach(l -> stop.add(l.text()));
        List<List<String>> alternatives = new ArrayList<>();
        for (Line line : glossaryLines) {
            List<String> group = new ArrayList<>();
            for (String alternative : line.text().split(",")) {
                String a = normalise(alternative).strip().toLowerCase(Locale.ROOT);
                if (!a.isEmpty()) {
                    group.add(a);
                }
            }
            alternatives.add(group);
        }
        // A one-word alternative is content even where it is usually a stop word ("all" for 全部).
        for (List<String> group : alternatives) {
            group.stream().filter(a -> a.matches("\\p{IsLatin}+")).forEach(stop::remove);
        }
        Tables tables = new Tables(stop);
        // Alternatives are analysed with the tables built so far: stop words, English and Chinese words.
        TermAnalyzer analyzer = new TermAnalyzer(tables);
        indexEnglishWords(tables, alternatives);
        for (List<String> group : alternatives) {
            for (String a : group) {
                for (String run : a.split("[^\\p{IsHan}]+")) {
                    // One character beside Latin ("修 bug", "p值") is part of that phrase, not a word on its own.
                    if (run.length() >= 2 || (run.length() == 1 && run.equals(a))) {
                        tables.chineseWords.add(run);
                        tables.longestChineseWord = Math.max(tables.longestChineseWord, run.length());
                    }
                }
            }
        }
        Map<String, Integer> lineOfAlternative = new HashMap<>();
        List<String> problems = new ArrayList<>();
        String[] groupKeys = new String[alternatives.size()];
        List<List<List<String>>> analysed = new ArrayList<>();
        for (int g = 0; g < alternatives.size(); g++) {
            List<List<String>> keysOfAlternatives = new ArrayList<>();
            for (String a : alternatives.get(g)) {
                keysOfAlternatives.add(analyzer.rawTerms(a).stream().map(Term::key).toList());
            }
            analysed.add(keysOfAlternatives);
            keysOfAlternatives.stream().filter(k -> !k.isEmpty()).findFirst()
                    .ifPresent(k -> groupKeys[analysed.size() - 1] = "=" + String.join(" ", k));
        }
        // One-word alternatives first, so that a phrase is matched through its words' groups ("success KPI" is
        // "success metric").
        for (int pass = 1; pass <= 2; pass++) {
            for (int g = 0; g < alternatives.size(); g++) {
                Line line = glossaryLines.get(g);
                if (groupKeys[g] == null) {
                    if (pass == 1) {
                        problems.add(glossaryName + ":" + line.number() + ": the group has no content word");
                    }
                    continue;
                }
                for (int a = 0; a < alternatives.get(g).size(); a++) {
                    List<String> keys = analysed.get(g).get(a);
                    if (keys.isEmpty() || (keys.size() == 1) != (pass == 1)) {
                        continue;
                    }
                    String joined = keys.size() == 1 ? keys.get(0) : analyzer.phraseKey(keys);
                    Integer earlier = lineOfAlternative.putIfAbsent(joined, line.number());
                    if (earlier != null && earlier != line.number()) {
                        problems.add(glossaryName + ":" + line.number() + ": '" + alternatives.get(g).get(a)
                                + "' is already in the group on line " + earlier);
                        continue;
                    }
                    (keys.size() == 1 ? tables.groups : tables.phrases).put(joined, groupKeys[g]);
                    tables.longestAlternative = Math.max(tables.longestAlternative, keys.size());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
        return tables;
    }

    /**
     * Porter stemming conflates words the glossary keeps apart (container and contain, product and production), so
     * a word is looked up as written first, and its stem stands for a glossary word only when that is unambiguous.
     */
    private static void indexEnglishWords(Tables tables, List<List<String>> alternatives) {
        Map<String, Set<Integer>> groupsOfStem = new HashMap<>();
        for (int g = 0; g < alternatives.size(); g++) {
            for (String a : alternatives.get(g)) {
                if (a.matches("\\p{IsLatin}+")) {
                    String word = singular(a);
                    tables.englishWords.add(word);
                    groupsOfStem.computeIfAbsent(porter(word), k -> new HashSet<>()).add(g);
                    tables.wordOfStem.putIfAbsent(porter(word), word);
                }
            }
        }
        Map<String, Set<String>> wordsOfStem = new HashMap<>();
        tables.englishWords.forEach(w -> wordsOfStem.computeIfAbsent(porter(w), k -> new HashSet<>()).add(w));
        groupsOfStem.forEach((stem, owners) -> {
            if (owners.size() > 1) {
                String closest = tables.englishWords.contains(stem) ? stem : closestWord(stem, wordsOfStem.get(stem));
                if (closest != null) {
                    tables.wordOfStem.put(stem, closest);
                } else {
                    tables.wordOfStem.remove(stem);
                }
            }
        });
    }

    /**
     * The one word a shared stem was cut from with the fewest letters dropped ("scheduled" is "schedule", not
     * "schedulable"; "configuring" is "configure", not "configuration"); null when two are equally close.
     */
    private static String closestWord(String stem, Set<String> words) {
        String closest = null;
        boolean tie = false;
        for (String w : words) {
            int d = w.length() - stem.length();
            int best = closest == null ? Integer.MAX_VALUE : closest.length() - stem.length();
            if (d < best) {
                closest = w;
                tie = false;
            } else if (d == best) {
                tie = true;
            }
        }
        return tie ? null : closest;
    }

    /** The content terms of a text, in order, with glossary runs folded into one term spanning the run. */
    public List<Term> terms(String text) {
        Tables t = tables();
        List<Term> raw = rawTerms(text);
        List<Term> folded = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int taken = 0;
            for (int n = Math.min(t.longestAlternative, raw.size() - i); n >= 2 && taken == 0; n--) {
                if (!adjacent(text, raw.get(i + n - 2), raw.get(i + n - 1))) {
                    continue;
                }
                String group = t.phrases.get(phraseKey(raw.subList(i, i + n).stream().map(Term::key).toList()));
                if (group != null) {
                    folded.add(new Term(group, raw.get(i).start(), raw.get(i + n - 1).end()));
                    taken = n;
                }
            }
            if (taken == 0) {
                Term term = raw.get(i);
                String group = t.groups.get(term.key());
                folded.add(group == null ? term : new Term(group, term.start(), term.end()));
                taken = 1;
            }
            i += taken;
        }
        return folded;
    }

    /**
     * The glossary concepts a Chinese glossary word is made of, other than itself: "提交历史" holds a commit and a
     * history, "健康检查接口" a health check and an endpoint. Written without spaces, such a word hides its parts, so an
     * answer that says them apart ("历史用 git log") would share nothing with it. Empty for anything else: English
     * phrases are not split (tried: their parts credited swapped answers more often than they helped).
     */
    public Set<String> partsOf(String surface) {
        Set<String> cached = partsBySurface.get(surface);
        if (cached != null) {
            return cached;
        }
        Set<String> parts = new HashSet<>();
        // A negated word is not the sum of its parts: 匹配不到 (unmatched) holds 匹配 and says the opposite.
        boolean chinese = !surface.isEmpty() && surface.codePoints()
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && !NEGATION.matcher(surface).find();
        Tables t = tables();
        String whole = chinese ? t.groups.get(surface) : null;
        if (whole != null) {
            for (int i = 0; i < surface.length(); ) {
                int found = 0;
                for (int n = Math.min(surface.length() - 1, surface.length() - i); n >= 2 && found == 0; n--) {
                    if (t.chineseWords.contains(surface.substring(i, i + n))) {
                        found = n;
                    }
                }
                String group = found == 0 ? null : t.groups.get(surface.substring(i, i + found));
                if (group != null && !group.equals(whole)) {
                    parts.add(group);
                }
                i += Math.max(found, 1);
            }
        }
        Set<String> result = Set.copyOf(parts);
        if (partsBySurface.size() < MOST_CACHED_PARTS) {
            partsBySurface.put(surface, result);
        }
        return result;
    }

    /**
     * Whether two terms stand together as a phrase can: only spaces, hyphens or small English words between them
     * ("rule of thumb"), never Chinese (容器是镜像 is not 容器镜像) or punctuation.
     */
    private static boolean adjacent(String text, Term left, Term right) {
        return right.start() >= left.end() && ADJACENT.matcher(text.substring(left.end(), right.start())).matches();
    }

    /** A phrase as the sequence of its words' groups, so that synonyms inside a phrase still match it. */
    private String phraseKey(List<String> keys) {
        StringBuilder joined = new StringBuilder();
        for (String k : keys) {
            joined.append(joined.length() == 0 ? "" : " ").append(tables().groups.getOrDefault(k, k));
        }
        return joined.toString();
    }

    private List<Term> rawTerms(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // Normalise code point by code point, remembering where each normalised char came from, so offsets
        // found in the normalised text map back onto the text the user sees. Case is kept for identifiers.
        StringBuilder normal = new StringBuilder(text.length());
        List<Integer> origin = new ArrayList<>(text.length() + 1);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String n = comparesNumber(text, i) ? COMPARISON_WORDS.get(cp) : normalise(new String(Character.toChars(cp)));
            for (int k = 0; k < n.length(); k++) {
                origin.add(i);
            }
            normal.append(n);
            i += Character.charCount(cp);
        }
        origin.add(text.length());
        List<Term> terms = new ArrayList<>();
        int runStart = 0;
        while (runStart < normal.length()) {
            boolean han = isHan(normal, runStart);
            int runEnd = runStart;
            while (runEnd < normal.length() && isHan(normal, runEnd) == han) {
                runEnd += Character.charCount(normal.codePointAt(runEnd));
            }
            if (han) {
                chinese(normal.substring(runStart, runEnd), runStart, origin, terms);
            } else {
                boolean besideChinese = runStart > 0 || runEnd < normal.length();
                latin(normal.substring(runStart, runEnd), runStart, besideChinese, origin, terms);
            }
            runStart = runEnd;
        }
        return terms;
    }

    /**
     * A comparison sign before a number ("PSI < 0.1", "> 0.25", "count(*) >= 100") read as the word it stands for, so
     * it matches "below 0.1" and 小于 0.1; arrows, conflict markers and placeholders such as {@code <提交>} stay signs.
     */
    private static boolean comparesNumber(String text, int i) {
        if (!COMPARISON_WORDS.containsKey(text.codePointAt(i))) {
            return false;
        }
        boolean openedAfterSpaceOrDigit = i == 0 || Character.isWhitespace(text.charAt(i - 1))
                || Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == ')';
        int next = i + 1;
        while (next < text.length() && (text.charAt(next) == '=' || text.charAt(next) == ' ')) {
            next++;
        }
        return openedAfterSpaceOrDigit && next < text.length() && Character.isDigit(text.charAt(next));
    }

    private static final Map<Integer, String> COMPARISON_WORDS = Map.of(
            (int) '<', " below ", (int) '>', " above ", (int) '≤', " below ", (int) '≥', " above ",
            (int) '＜', " below ", (int) '＞', " above ");

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private static boolean isHan(CharSequence s, int index) {
        return Character.UnicodeScript.of(Character.codePointAt(s, index)) == Character.UnicodeScript.HAN;
    }

    /** Glossary words by longest match; the characters between them go to smartcn. */
    private void chinese(String run, int offset, List<Integer> origin, List<Term> out) {
        Tables t = tables();
        int residueStart = 0;
        int i = 0;
        while (i < run.length()) {
            int found = 0;
            for (int n = Math.min(t.longestChineseWord, run.length() - i); n >= 2 && found == 0; n--) {
                if (t.chineseWords.contains(run.substring(i, i + n))) {
                    found = n;
                }
            }
            if (found == 0) {
                i++;
                continue;
            }
            segment(run.substring(residueStart, i), offset + residueStart, origin, out);
            out.add(new Term(run.substring(i, i + found), origin.get(offset + i), origin.get(offset + i + found)));
            i += found;
            residueStart = i;
        }
        segment(run.substring(residueStart), offset + residueStart, origin, out);
    }

    /** smartcn words of Chinese text outside the glossary; runs of single characters become bigrams. */
    private void segment(String residue, int offset, List<Integer> origin, List<Term> out) {
        if (residue.isEmpty()) {
            return;
        }
        List<int[]> singles = new ArrayList<>();
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(residue));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString();
                int start = offsets.startOffset();
                int end = offsets.endOffset();
                if (tables().stopWords.contains(word)) {
                    flushSingles(singles, residue, offset, origin, out);
                } else if (word.length() == 1 && !tables().chineseWords.contains(word)) {
                    singles.add(new int[] {start, end});
                } else {
                    flushSingles(singles, residue, offset, origin, out);
                    out.add(new Term(word, origin.get(offset + start), origin.get(offset + end)));
                }
            }
            flushSingles(singles, residue, offset, origin, out);
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lone character stays a term; two or more in a row are read as overlapping bigrams. */
    private static void flushSingles(List<int[]> singles, String residue, int offset, List<Integer> origin,
                                     List<Term> out) {
        if (singles.size() == 1) {
            int[] s = singles.get(0);
            out.add(new Term(residue.substring(s[0], s[1]), origin.get(offset + s[0]), origin.get(offset + s[1])));
        }
        for (int k = 0; k + 1 < singles.size(); k++) {
            int start = singles.get(k)[0];
            int end = singles.get(k + 1)[1];
            out.add(new Term(residue.substring(start, end), origin.get(offset + start), origin.get(offset + end)));
        }
        singles.clear();
    }

    private void latin(String run, int offset, boolean besideChinese, List<Integer> origin, List<Term> out) {
        List<int[]> tokens = new ArrayList<>();
        try (Tokenizer tokenizer = new StandardTokenizer()) {
            OffsetAttribute offsets = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.setReader(new StringReader(run));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                tokens.add(new int[] {offsets.startOffset(), offsets.endOffset()});
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean keywordsLikely = besideChinese && tokens.size() <= 3;
        boolean glued = tokens.size() == 1 && tokens.get(0)[0] == 0 && tokens.get(0)[1] == run.length();
        for (int[] t : tokens) {
            String original = run.substring(t[0], t[1]);
            boolean spokenFiller = FILLERS.contains(original) && !glued;
            boolean keyword = (keywordsLikely && !spokenFiller) || (original.length() >= 2 && original.equals(original.toUpperCase(Locale.ROOT))
                    && !original.equals(original.toLowerCase(Locale.ROOT)));
            addWord(original, offset + t[0], keyword, origin, out);
            List<int[]> parts = parts(original);
            if (parts.size() > 1) {
                for (int[] p : parts) {
                    addWord(original.substring(p[0], p[1]), offset + t[0] + p[0], false, origin, out);
                }
            }
        }
    }

    /** Where an identifier splits: at separators ({@code . _ - : /}) and camelCase humps, letters required. */
    private static List<int[]> parts(String word) {
        List<int[]> parts = new ArrayList<>();
        if (!word.matches(".*\\p{L}.*") || word.matches("[\\d.]+")) {
            return parts;
        }
        Matcher m = IDENTIFIER_PARTS.matcher(word);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                parts.add(new int[] {start, m.start()});
            }
            start = m.end();
        }
        if (start < word.length()) {
            parts.add(new int[] {start, word.length()});
        }
        return parts;
    }

    private void addWord(String original, int at, boolean keyword, List<Integer> origin, List<Term> out) {
        String word = original.toLowerCase(Locale.ROOT);
        if (word.endsWith("'s") || word.endsWith("’s")) {
            word = word.substring(0, word.length() - 2);
        }
        if (word.isBlank()) {
            return;
        }
        if (tables().stopWords.contains(word)) {
            if (keyword && word.matches("\\p{IsLatin}{2,}")) {
                out.add(new Term(word, origin.get(at), origin.get(at + original.length())));
            }
            return;
        }
        out.add(new Term(key(word), origin.get(at), origin.get(at + original.length())));
    }

    /** A word as the glossary writes it (in the singular) when it is one, else its Porter stem. */
    private String key(String word) {
        if (!word.matches("\\p{IsLatin}+")) {
            return word;
        }
        String singular = singular(word);
        Tables t = tables();
        if (t.englishWords.contains(singular)) {
            return singular;
        }
        String stem = porter(word);
        return t.wordOfStem.getOrDefault(stem, stem);
    }

    private static String singular(String word) {
        char[] chars = word.toCharArray();
        return new String(chars, 0, new EnglishMinimalStemmer().stem(chars, chars.length));
    }

    private static String porter(String word) {
        PorterStemmer stemmer = new PorterStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** A line of a resource file and its 1-based number. */
    record Line(int number, String text) {
    }

    static List<Line> lines(String resource) {
        try (InputStream in = TermAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + resource);
            }
            List<Line> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(new Line(number, trimmed));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
