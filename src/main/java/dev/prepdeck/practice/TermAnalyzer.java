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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns English, Chinese or mixed text into content terms: NFKC (full width to half width), lower case, no
 * punctuation, no stop words, English words Porter-stemmed, Chinese split into words by Lucene's smartcn, and
 * synonyms or abbreviations folded onto one key per group (k8s and Kubernetes compare equal).
 */
public final class TermAnalyzer {
    private final CharArraySet stopWords;
    /** Each synonym alternative as its analysed key sequence, joined by a space, mapped to its group's key. */
    private final Map<String, String> synonyms = new HashMap<>();
    private int longestSynonym = 1;

    private TermAnalyzer(CharArraySet stopWords) {
        this.stopWords = stopWords;
    }

    /** The analyser with the shipped stop word and synonym lists (resources practice/stopwords.txt, synonyms.txt). */
    public static TermAnalyzer shipped() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        stop.addAll(lines("/practice/stopwords.txt"));
        TermAnalyzer analyzer = new TermAnalyzer(stop);
        for (String line : lines("/practice/synonyms.txt")) {
            analyzer.addSynonymGroup(List.of(line.split(",")));
        }
        return analyzer;
    }

    private void addSynonymGroup(List<String> alternatives) {
        String groupKey = null;
        for (String alternative : alternatives) {
            List<String> keys = rawTerms(alternative).stream().map(Term::key).toList();
            if (keys.isEmpty()) {
                continue;
            }
            if (groupKey == null) {
                groupKey = "=" + String.join(" ", keys);
            }
            synonyms.put(String.join(" ", keys), groupKey);
            longestSynonym = Math.max(longestSynonym, keys.size());
        }
    }

    /** The content terms of a text, in order, with synonym runs folded into one term spanning the run. */
    public List<Term> terms(String text) {
        List<Term> raw = rawTerms(text);
        List<Term> folded = new ArrayList<>(raw.size());
        int i = 0;
        while (i < raw.size()) {
            int taken = 0;
            for (int n = Math.min(longestSynonym, raw.size() - i); n >= 1 && taken == 0; n--) {
                StringBuilder joined = new StringBuilder(raw.get(i).key());
                for (int k = 1; k < n; k++) {
                    joined.append(' ').append(raw.get(i + k).key());
                }
                String group = synonyms.get(joined.toString());
                if (group != null) {
                    folded.add(new Term(group, raw.get(i).start(), raw.get(i + n - 1).end()));
                    taken = n;
                }
            }
            if (taken == 0) {
                folded.add(raw.get(i));
                taken = 1;
            }
            i += taken;
        }
        return folded;
    }

    private List<Term> rawTerms(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // Normalise code point by code point, remembering where each normalised char came from, so offsets
        // found in the normalised text map back onto the text the user sees.
        StringBuilder normal = new StringBuilder(text.length());
        List<Integer> origin = new ArrayList<>(text.length() + 1);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String n = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
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
            analyse(normal.substring(runStart, runEnd), han, runStart, origin, terms);
            runStart = runEnd;
        }
        return terms;
    }

    private static boolean isHan(CharSequence s, int index) {
        return Character.UnicodeScript.of(Character.codePointAt(s, index)) == Character.UnicodeScript.HAN;
    }

    private void analyse(String run, boolean han, int offset, List<Integer> origin, List<Term> out) {
        Tokenizer tokenizer = han ? new HMMChineseTokenizer() : new StandardTokenizer();
        TokenStream stream = han
                ? new StopFilter(tokenizer, stopWords)
                : new PorterStemFilter(new StopFilter(
                        new LowerCaseFilter(new EnglishPossessiveFilter(tokenizer)), stopWords));
        tokenizer.setReader(new StringReader(run));
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offsets = stream.addAttribute(OffsetAttribute.class);
        try (stream) {
            stream.reset();
            while (stream.incrementToken()) {
                String key = term.toString();
                if (han || !key.isBlank()) {
                    int start = origin.get(offset + offsets.startOffset());
                    int end = origin.get(offset + offsets.endOffset());
                    out.add(new Term(key, start, end));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String resource) {
        try (InputStream in = TermAnalyzer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + resource);
            }
            List<String> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
