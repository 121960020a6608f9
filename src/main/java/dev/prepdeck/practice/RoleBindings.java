package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names bound to claims, and answers that give a name its sibling's claim. A card binds a name to a claim in three
 * ways: a point about a name it sets in bold ("**Prometheus** scrapes…", "**Grafana** queries…"), a command and its
 * comment inside a code block ("git stash pop # 恢复最近一次并从列表删除"), and a name with its role in brackets
 * ("git switch（切分支）和 git restore（恢复文件）"). An answer's clause that opens with one name and then says words
 * only a sibling's claim has, and none only its own has, gives that name the sibling's role ("JWT encrypts the
 * traffic…"). The same holds for table rows headed by ranges ("below 0.1", "0.1 to 0.25"): a range given another
 * row's reading. Words are compared as term keys, glossary concepts included, so the test holds across languages.
 */
final class RoleBindings {
    /** How many terms may come before the name in a clause that is about it ("Since 2.23 git restore …"). */
    static final int MOST_TERMS_BEFORE_NAME = 3;
    /** Words of a sibling's claim a clause must give, with none of its own, to swap roles by itself. */
    static final int LEAST_FOREIGN = 2;
    private static final int MOST_CACHED_POINTS = 4096;
    private static final Pattern COMMENTED_LINE = Pattern.compile("(?m)^\\s*([^#\\n]*\\S)\\s+#\\s*(\\S[^\\n]*)$");
    /** A bold name is a name, not a claim set in bold ("**CI also tests data and models**"). */
    static final int MOST_NAME_WORDS = 3;
    /** A bold name opens the clause about it: "JWT encrypts…", not "selecting CUID next to it…". */
    static final int MOST_TERMS_BEFORE_BOLD_NAME = 0;
    /** A role in brackets says something: two terms or more, unlike an alias ("过滤什么（WHERE）"). */
    static final int LEAST_ROLE_TERMS = 2;
    private static final Pattern ASIDE = Pattern.compile("\\([^()]*\\)|（[^（）]*）");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\d_.-]+");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    /** Between two clauses of an enumeration: a comma, not "and" or "but", so the second is about a thing of its own. */
    private static final Pattern LISTING = Pattern.compile("^\\s*[，,、]\\s*$");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?%?");
    /** A stretch of an answer that binds one range: up to a comma, semicolon or sentence end (not a decimal point). */
    private static final Pattern STRETCH_END = Pattern.compile("[，,、；;。！？!?\\n]+|\\.(?=\\s|$)");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?\\n]|\\.");
    private static final Pattern BRACKETED_ROLE = Pattern.compile("[（(]([^（）()]+)[）)]");

    /**
     * A name (its distinguishing term keys, and those of its alias in brackets: "Horizontal Pod Autoscaler (HPA)"),
     * the claim bound to it, the point it belongs to, how to call it, how far into a clause it may stand, and whether
     * an answer must spell it as the card does (a command or identifier) rather than say it in either language.
     */
    record Binding(int point, Set<String> name, Set<String> alias, Set<String> claim, String label,
                   int mostTermsBefore, boolean spelled) {
        /**
         * Whether a clause calls this binding by this term: it is one of a name's keys, and the clause has at least
         * half of them ("OAuth" for "OAuth tokens").
         */
        boolean calledBy(String key, Set<String> clause) {
            return name.contains(key) && mostOf(name, clause) || alias.contains(key) && mostOf(alias, clause);
        }

        private static boolean mostOf(Set<String> keys, Set<String> clause) {
            return 2 * keys.stream().filter(clause::contains).count() >= keys.size();
        }

        boolean isName(String key) {
            return name.contains(key) || alias.contains(key);
        }
    }

    private final TermAnalyzer analyzer;
    private final Map<String, List<Binding>> inside = new ConcurrentHashMap<>();

    /** The glossary's concepts for "below" and "above": 小于 and 大于 say the same. */
    private final Set<String> bounds;

    RoleBindings(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.bounds = keys("below above");
    }

    /**
     * Marks the points whose names the answer gives their siblings' claims: a point bound to a bold name is
     * contradicted and the words it was given credit nobody; a point whose own commands or bracketed roles are
     * exchanged is contradicted. Points with a reason already keep it.
     */
    void check(List<AnalysedPoint> model, List<String> boldNames, List<AnswerClause> clauses, String answer,
               List<Set<String>> credited, Reason[] reasons) {
        List<Binding> byPoint = pointNames(model, boldNames);
        for (Swap swap : swaps(byPoint, clauses, answer)) {
            int holder = swap.holder().point();
            if (reasons[holder] == null) {
                // Called by the names the card sets in bold: "SSL/TLS", not the opening of a point.
                reasons[holder] = Reason.of("practice.contradiction.swappedParts", swap.rival().label(),
                        swap.holder().label());
            }
            credited.get(swap.rival().point()).removeAll(swap.given());
        }
        for (int i = 0; i < model.size(); i++) {
            if (reasons[i] != null) {
                continue;
            }
            List<Swap> swaps = swaps(insidePoint(model.get(i), i), clauses, answer);
            if (!swaps.isEmpty()) {
                reasons[i] = Reason.of("practice.contradiction.swappedParts", swaps.get(0).rival().label(),
                        swaps.get(0).holder().label());
            }
        }
    }

    /**
     * Ranges read the wrong way: where a card's table rows are headed by ranges ("below 0.1", "0.1 to 0.25", "above
     * 0.25"), a stretch of the answer between commas that binds exactly one row's range ("小于 0.1", "between 0.1 and
     * 0.25") and then says a word only another row's reading has, and none only its own has ("…说明分布变化很大，要马上
     * 重训"), gives that range the other row's reading. The row is contradicted, and the words credit nobody.
     */
    void rangesReadBackwards(List<AnalysedPoint> model, List<AnswerClause> clauses, String answer,
                                    List<Set<String>> credited, Reason[] reasons) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            Set<String> head = model.get(i).head();
            if (model.get(i).kind() == PointShape.Kind.ROW && head.stream().anyMatch(RoleBindings::isNumber)
                    && head.stream().allMatch(this::isRangeWord)) {
                rows.add(i);
            }
        }
        if (rows.size() < 2) {
            return;
        }
        List<Term> terms = new ArrayList<>();
        clauses.forEach(c -> terms.addAll(c.terms()));
        Matcher stop = STRETCH_END.matcher(answer);
        int from = 0;
        int holder = -1;
        Set<String> said = new HashSet<>();
        while (from <= answer.length()) {
            boolean found = stop.find(from);
            int to = found ? stop.start() : answer.length();
            Set<String> range = new HashSet<>();
            Set<String> words = new HashSet<>();
            for (Term t : terms) {
                if (t.start() >= from && t.start() < to) {
                    (isRangeWord(t.key()) ? range : words).add(t.key());
                }
            }
            if (!range.isEmpty()) {
                judgeReading(model, rows, holder, said, credited, reasons);
                holder = rows.stream().filter(r -> model.get(r).head().equals(range)).findFirst().orElse(-1);
                said = new HashSet<>();
            }
            said.addAll(words);
            if (found && SENTENCE_END.matcher(stop.group()).find()) {
                judgeReading(model, rows, holder, said, credited, reasons);
                holder = -1;
                said = new HashSet<>();
            }
            if (!found) {
                break;
            }
            from = stop.end();
        }
        judgeReading(model, rows, holder, said, credited, reasons);
    }

    private void judgeReading(List<AnalysedPoint> model, List<Integer> rows, int holder, Set<String> said,
                                     List<Set<String>> credited, Reason[] reasons) {
        if (holder < 0 || reasons[holder] != null) {
            return;
        }
        Set<String> own = reading(model.get(holder));
        for (int rival : rows) {
            Set<String> theirs = reading(model.get(rival));
            Set<String> foreign = new HashSet<>(said);
            foreign.retainAll(theirs);
            foreign.removeAll(own);
            boolean ownSaid = said.stream().anyMatch(k -> own.contains(k) && !theirs.contains(k));
            if (rival != holder && !foreign.isEmpty() && !ownSaid) {
                reasons[holder] = Reason.of("practice.contradiction.swapped", Contradictions.label(model.get(rival)),
                        Contradictions.label(model.get(holder)));
                credited.get(rival).removeAll(foreign);
                return;
            }
        }
    }

    /** What a range row says of its range: its words other than the range. */
    private Set<String> reading(AnalysedPoint row) {
        Set<String> words = new HashSet<>(row.part().keySet());
        words.removeIf(this::isRangeWord);
        return words;
    }

    private static boolean isNumber(String key) {
        return NUMBER.matcher(key).matches();
    }

    /** A number or a bound: "0.25", "below" / 小于 ({@code =fewer}), "above" / 大于 ({@code =greater}). */
    private boolean isRangeWord(String key) {
        return isNumber(key) || bounds.contains(key);
    }

    /** A clause (or run of clauses) that gave the holder's name the rival's claim, and the rival's words it used. */
    private record Swap(Binding holder, Binding rival, Set<String> given) {
    }

    /**
     * Each point's name: the bold name that comes first in its text, by its term keys less those another point's
     * name shares; points whose names are the same (or have no bold name) are left out.
     */
    private List<Binding> pointNames(List<AnalysedPoint> model, List<String> boldNames) {
        List<Binding> bindings = new ArrayList<>();
        for (int i = 0; i < model.size() && !boldNames.isEmpty(); i++) {
            String text = model.get(i).text();
            String first = null;
            int at = Integer.MAX_VALUE;
            for (String name : boldNames) {
                int found = text.indexOf(name);
                if (found >= 0 && found < at) {
                    at = found;
                    first = name;
                }
            }
            String bare = first == null ? "" : ASIDE.matcher(first).replaceAll(" ").strip();
            Set<String> name = keys(bare);
            Set<String> alias = new HashSet<>();
            for (Matcher aside = ASIDE.matcher(first == null ? "" : first); aside.find(); ) {
                alias.addAll(keys(aside.group()));
            }
            if (!name.isEmpty() && WORD.matcher(bare).results().count() <= MOST_NAME_WORDS) {
                // The claim is what the point says of the name, so that naming it is never taken for its claim.
                Set<String> claim = new HashSet<>(model.get(i).part().keySet());
                claim.removeAll(name);
                claim.removeAll(alias);
                bindings.add(new Binding(i, name, alias, claim, first.replaceAll("[:：]\\s*$", "").strip(),
                        MOST_TERMS_BEFORE_BOLD_NAME, false));
            }
        }
        return distinguished(bindings);
    }

    /** The names a point binds inside itself: commands with their comments, or names with bracketed roles. */
    private List<Binding> insidePoint(AnalysedPoint point, int index) {
        List<Binding> cached = inside.get(point.text());
        if (cached == null) {
            cached = bindingsInside(point.text());
            if (inside.size() < MOST_CACHED_POINTS) {
                inside.put(point.text(), cached);
            }
        }
        return cached.stream().map(b -> new Binding(index, b.name(), b.alias(), b.claim(), b.label(),
                b.mostTermsBefore(), b.spelled())).toList();
    }

    private List<Binding> bindingsInside(String text) {
        List<Binding> bindings = new ArrayList<>();
        Matcher line = COMMENTED_LINE.matcher(text);
        Set<String> commands = new HashSet<>();
        while (line.find()) {
            bindings.add(new Binding(-1, keys(line.group(1)), Set.of(), keys(line.group(2)), line.group(1).strip(),
                    MOST_TERMS_BEFORE_NAME, true));
            commands.addAll(keys(line.group(1)));
        }
        // A comment that uses a command's word ("收起" for stash) does not make "git stash apply" a claim.
        bindings.forEach(b -> b.claim().removeAll(commands));
        if (bindings.size() < 2) {
            bindings.clear();
            Matcher role = BRACKETED_ROLE.matcher(text);
            int from = 0;
            while (role.find()) {
                List<Term> before = analyzer.terms(text.substring(from, role.start()));
                Set<String> claim = keys(role.group(1));
                Term name = before.isEmpty() ? null : before.get(before.size() - 1);
                String label = name == null ? "" : text.substring(from + name.start(), from + name.end());
                if (claim.size() >= LEAST_ROLE_TERMS && LATIN.matcher(label).find()) {
                    bindings.add(new Binding(-1, Set.of(name.key()), Set.of(), claim, label, MOST_TERMS_BEFORE_NAME, true));
                }
                from = role.end();
            }
        }
        return List.copyOf(distinguished(bindings));
    }

    /** The bindings with each name less the keys another name shares, dropping those left with none. */
    private static List<Binding> distinguished(List<Binding> bindings) {
        List<Binding> out = new ArrayList<>();
        for (Binding b : bindings) {
            Set<String> own = new HashSet<>(b.name());
            Set<String> ownAlias = new HashSet<>(b.alias());
            for (Binding o : bindings) {
                if (o != b) {
                    own.removeAll(o.name());
                    own.removeAll(o.alias());
                    ownAlias.removeAll(o.name());
                    ownAlias.removeAll(o.alias());
                }
            }
            if (!own.isEmpty() || !ownAlias.isEmpty()) {
                out.add(new Binding(b.point(), Set.copyOf(own), Set.copyOf(ownAlias), b.claim(), b.label(),
                        b.mostTermsBefore(), b.spelled()));
            }
        }
        return out.size() >= 2 ? out : List.of();
    }

    /**
     * Runs through the answer's clauses: a clause that names a binding within its first terms speaks about it, and
     * so do the clauses after it in the same sentence until another is named. A run about one binding swaps it with
     * a sibling when it says {@link #LEAST_FOREIGN} of the words only the sibling's claim has and none only its own
     * has, or one such word when the sibling's run, in turn, says one of the holder's and none of its own.
     */
    private static List<Swap> swaps(List<Binding> bindings, List<AnswerClause> clauses, String answer) {
        if (bindings.size() < 2) {
            return List.of();
        }
        List<Set<String>> runs = new ArrayList<>();
        List<Binding> holders = new ArrayList<>();
        int sentence = -1;
        Set<String> said = null;
        AnswerClause previous = null;
        for (AnswerClause clause : clauses) {
            boolean listed = previous != null && previous.end() <= clause.start()
                    && LISTING.matcher(answer.substring(previous.end(), clause.start())).matches();
            if (clause.sentence() != sentence || listed) {
                sentence = clause.sentence();
                said = null;
            }
            previous = clause;
            List<Term> terms = clause.terms();
            Binding named = null;
            int namedAt = -1;
            for (int t = 0; t < terms.size() && named == null; t++) {
                if (t > 0 && claimed(bindings, terms.get(t - 1).key())) {
                    // "removes it from the list": a name after a claim's word is part of that claim.
                    break;
                }
                for (Binding b : bindings) {
                    boolean typed = LATIN.matcher(answer.substring(terms.get(t).start(), terms.get(t).end())).find();
                    // A command is called as typed: 切换 is the verb, not "git switch".
                    if (t <= b.mostTermsBefore() && b.calledBy(terms.get(t).key(), clause.keys())
                            && (typed || !b.spelled())) {
                        named = b;
                        namedAt = t;
                        break;
                    }
                }
            }
            if (named != null) {
                said = new HashSet<>();
                holders.add(named);
                runs.add(said);
            }
            if (said == null) {
                continue;
            }
            for (Term t : terms.subList(namedAt + 1, terms.size())) {
                Binding other = nameOf(bindings, t.key());
                if (other != null && other != holders.get(holders.size() - 1) && !other.claim().contains(t.key())) {
                    // "Airflow or Kubeflow Pipelines that train…": what follows another name is about that one.
                    said = null;
                    break;
                }
                said.add(t.key());
            }
        }
        List<Swap> leaning = new ArrayList<>();
        List<Swap> swaps = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            Binding holder = holders.get(r);
            for (Binding rival : bindings) {
                if (rival == holder) {
                    continue;
                }
                Set<String> foreign = new HashSet<>(runs.get(r));
                foreign.retainAll(rival.claim());
                foreign.removeAll(holder.claim());
                boolean own = runs.get(r).stream().anyMatch(k -> holder.claim().contains(k) && !rival.claim().contains(k));
                if (own || foreign.isEmpty()) {
                    continue;
                }
                Swap swap = new Swap(holder, rival, foreign);
                (foreign.size() >= LEAST_FOREIGN ? swaps : leaning).add(swap);
            }
        }
        for (Swap s : leaning) {
            boolean mutual = leaning.stream().anyMatch(o -> o.holder() == s.rival() && o.rival() == s.holder());
            if (mutual) {
                swaps.add(s);
            }
        }
        return swaps;
    }

    private static boolean claimed(List<Binding> bindings, String key) {
        return bindings.stream().anyMatch(b -> b.claim().contains(key));
    }

    private static Binding nameOf(List<Binding> bindings, String key) {
        return bindings.stream().filter(b -> b.isName(key)).findFirst().orElse(null);
    }

    private Set<String> keys(String text) {
        Set<String> keys = new HashSet<>();
        analyzer.terms(text).forEach(t -> keys.add(t.key()));
        return keys;
    }
}
