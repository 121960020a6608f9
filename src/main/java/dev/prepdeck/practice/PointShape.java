package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key point cut into what it is about and what it claims. A table row ("Canary · Send a small share… · Limits the
 * blast radius") has its first cell as the head, the next one or two cells as the claim and any further cells as
 * detail; an item with a short label ("Image: a read-only template…", "git fetch：把远程…") has the label as the
 * head. Text in brackets and examples ("如 …", "e.g. …", "such as …", to the end of the sentence) are detail
 * everywhere: asides an answer may rightly leave out.
 */
record PointShape(String head, String claim, String detail, Kind kind) {
    /**
     * Where the head came from: a table row's first cell, an item's label, a keyword or identifier the point opens
     * with ("WHERE 在分组之前…", "mapper 从 stdin…"), or none.
     */
    enum Kind { ROW, LABEL, LEAD, PLAIN }

    private static final String CELL = " · ";
    /** An aside in brackets; brackets right after a word are a call or a keyword's syntax, as in count(*). */
    private static final Pattern BRACKETS = Pattern.compile("(?<![\\w*])\\([^()]*\\)|（[^（）]*）");
    private static final Pattern EXAMPLE = Pattern.compile(
            "(?:[，,]\\s*|\\s)(?:例如|比如|如(?![果何下此今同])|e\\.g\\.?|such as|for example)[：:,，]?\\s*([^。；;]*)");
    private static final Pattern LABEL = Pattern.compile("^([^:：]{1,48}?)[:：]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final int MOST_LABEL_WORDS = 6;
    /** Capitals (a keyword) or a Latin name before Chinese text: what a point that opens with it is about. */
    private static final Pattern LEAD = Pattern.compile(
            "^((?:[A-Z][A-Z_*()]+)(?:\\s+[A-Z][A-Z_*()]+)*)\\s|^([A-Za-z][\\w.*()/-]*(?:\\s+[A-Za-z][\\w.*()/-]*)?)\\s*(?=\\p{IsHan})");

    static PointShape of(String point) {
        List<String> detail = new ArrayList<>();
        String head;
        String claim;
        if (point.contains(CELL)) {
            String[] cells = point.split(Pattern.quote(CELL));
            head = cells[0];
            // Two value cells are usually both sides of a comparison; past that, pros and cons.
            int claimCells = cells.length <= 3 ? cells.length - 1 : 1;
            claim = String.join(" ", List.of(cells).subList(1, 1 + claimCells));
            detail.addAll(List.of(cells).subList(1 + claimCells, cells.length));
        } else {
            String bare = withoutBrackets(point, detail);
            Matcher label = LABEL.matcher(bare);
            Kind kind = Kind.PLAIN;
            Matcher lead = LEAD.matcher(bare.strip());
            if (label.matches() && words(label.group(1)) <= MOST_LABEL_WORDS) {
                head = label.group(1);
                claim = label.group(2);
                kind = Kind.LABEL;
            } else if (lead.find()) {
                head = lead.group(1) != null ? lead.group(1) : lead.group(2);
                claim = bare.strip().substring(lead.end());
                kind = Kind.LEAD;
            } else {
                head = "";
                claim = bare;
            }
            return new PointShape(head.strip(), claim.strip(), String.join(" ", detail).strip(), kind);
        }
        return new PointShape(withoutBrackets(head, detail).strip(), withoutBrackets(claim, detail).strip(),
                String.join(" ", detail).strip(), Kind.ROW);
    }

    private static String withoutBrackets(String text, List<String> detail) {
        String rest = withoutExamples(text, detail);
        for (Matcher m = BRACKETS.matcher(rest); m.find(); m = BRACKETS.matcher(rest)) {
            detail.add(m.group().substring(1, m.group().length() - 1));
            rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
        }
        return rest;
    }

    /** An example ("如 event_day = '20220522'", "e.g. POST /predict") runs to the end of its sentence. */
    private static String withoutExamples(String text, List<String> detail) {
        Matcher m = EXAMPLE.matcher(text);
        StringBuilder kept = new StringBuilder();
        int at = 0;
        while (m.find()) {
            kept.append(text, at, m.start());
            detail.add(m.group(1));
            at = m.end();
        }
        return kept.append(text.substring(at)).toString();
    }

    private static int words(String text) {
        int latin = text.split("[^\\p{IsLatin}\\d]+").length;
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return latin + (int) (han / 2);
    }
}
