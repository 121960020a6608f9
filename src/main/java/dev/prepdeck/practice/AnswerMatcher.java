package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a typed answer against a card's key points the way an interviewer listens: clause by clause.
 *
 * <p>Each key point is cut into a head (what it is about), a claim and detail ({@link PointShape}); each of its
 * terms weighs by its rarity across the shipped decks ({@link TermRarity}), divided among the card's points that
 * share it, and by its part (detail counts half). The answer is cut into sentences and clauses. A clause that opens
 * with a point's head speaks about that point; every clause credits the points it matches at least
 * {@link #RIVAL_SHARE} as well as its best one, so a sentence about LEFT JOIN does not also cover RIGHT JOIN while
 * one clause of an enumeration still credits each item it lists. A point is covered when the words credited to it
 * weigh {@link #SHARE_NEEDED} of its head and claim, or at most {@link #MOST_WEIGHT_NEEDED} (more for a long point,
 * as the square root of its size), with two different terms when the point has three or more.
 *
 * <p>A point is contradicted, and not covered, when a clause about it gives a sibling's claim under its head
 * (swapped roles: "a container is the file you build, an image is what runs") or says the opposite side of a
 * relation the point states ({@link Relations}: before/after, 可以/不能, read-only/writable…).
 */
public final class AnswerMatcher {
    static final double DETAIL_WEIGHT = 0.5;
    static final double SHARE_NEEDED = 0.4;
    static final double MOST_WEIGHT_NEEDED = 1.0;
    static final double LONG_POINT_FACTOR = 0.35;
    /** How much better another point's claim must fit a clause than the named point's own to call it a swap. */
    static final double SWAP_MARGIN = 1.5;
    static final double SWAP_LEAST_FIT = 0.6;
    static final double RIVAL_SHARE = 0.6;
    private static final int MOST_CACHED_POINTS = 4096;
    /**
     * Labels that introduce what a point says rather than name what it is about ("Objective: …", "注意：…"): a
     * clause that uses the word is not speaking about that point in particular.
     */
    private static final String GENERIC_LABELS = "objective, activities, activity, example, examples, note, goal, "
            + "purpose, benefit, benefits, cost, result, outcome, usage, use, scenario, structure, meaning, tools, "
            + "rule of thumb, 注意, 作用, 目的, 目标, 好处, 代价, 结果, 用法, 场景, 结构, 含义, 经验法则, 补充, 示例, 例如, "
            + "典型用途, 结论, 推论";
    /** A capitalised name inside a sentence ("…put a Service in front of the pods"): what a plain point is about. */
    private static final Pattern NAME = Pattern.compile("(?<=[\\p{L}\\d,;)] )(\\p{Lu}[\\p{L}\\d-]*(?: \\p{Lu}[\\p{L}\\d-]*)*)");
    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[。！？；;!?，,\\n]|\\.\\s");
    /** Words that put what an answer says in order. */
    private static final Pattern SEQUENCE_WORDS = Pattern.compile(
            "(?i)\\b(?:then|after|afterwards|finally|followed by|next)\\b|→|->|然后|之后|以后|接着|最后|随后|再");
    private static final int LEAST_SEQUENCE = 4;
    /** Steps of a sequence are short ("Model Training", "WHERE：逐行过滤"); longer points are explanations. */
    private static final double MOST_STEP_TERMS = 6;
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?\\n]+|\\.(?=\\s|$)");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[，,、](?!\\d)|[：](?!/)|:(?=\\s)|\\s(?:and|but|while|whereas)\\s|而|但是|但");

    private final TermAnalyzer analyzer;
    private final TermRarity rarity;
    private final Relations relations;
    private final Map<String, Point> points = new ConcurrentHashMap<>();
    private final Set<String> genericLabels = new HashSet<>();

    /** A matcher weighing terms by their rarity across the shipped decks. */
    public AnswerMatcher(TermAnalyzer analyzer) {
        this(analyzer, TermRarity.shipped(analyzer));
    }

    AnswerMatcher(TermAnalyzer analyzer, TermRarity rarity) {
        this.analyzer = analyzer;
        this.rarity = rarity;
        this.relations = Relations.shipped();
        for (String label : GENERIC_LABELS.split(",")) {
            analyzer.terms(label).forEach(t -> genericLabels.add(t.key()));
        }
    }

    public TermAnalyzer analyzer() {
        return analyzer;
    }

    /** Each point with its verdict and the words that earned it; points without any content term are left out. */
    public AnswerCheck check(List<String> pointTexts, String typed) {
        List<Point> analysed = new ArrayList<>();
        for (String text : pointTexts) {
            Point p = point(text);
            if (!p.terms().isEmpty()) {
                analysed.add(p);
            }
        }
        List<Point> model = withUniqueLeads(analysed);
        List<Map<String, Double>> weights = weights(model);
        String answer = typed == null ? "" : typed;
        List<Clause> clauses = clauses(answer);

        List<Set<String>> credited = new ArrayList<>();
        List<List<Clause>> about = new ArrayList<>();
        List<List<Clause>> matched = new ArrayList<>();
        String[] reasons = new String[model.size()];
        for (int i = 0; i < model.size(); i++) {
            credited.add(new HashSet<>());
            about.add(new ArrayList<>());
            matched.add(new ArrayList<>());
        }
        int sentence = -1;
        int subject = -1;
        int swappedTo = -1;
        for (Clause clause : clauses) {
            if (clause.sentence() != sentence) {
                sentence = clause.sentence();
                subject = -1;
                swappedTo = -1;
            }
            List<Integer> matching = matching(model, weights, clause);
            int best = matching.isEmpty() ? -1 : matching.get(0);
            int named = named(model, clause);
            if (named >= 0 && subject >= 0 && named != subject && !opensWith(clause, model.get(named).head())
                    && bestClaim(model, weights, clause, -1) == subject) {
                // "Automation: making deployment, monitoring…": deployment is mentioned, Automation is the subject.
                named = subject;
            }
            List<Integer> credit = new ArrayList<>(matching);
            if (named >= 0) {
                subject = named;
                swappedTo = -1;
                about.get(named).add(clause);
                int rival = bestClaim(model, weights, clause, named);
                if (rival >= 0) {
                    // The clause names one point but gives another's claim.
                    if (isSwap(model, weights, clause, named, rival)) {
                        reasons[named] = "gives " + label(model.get(rival)) + "'s description under "
                                + label(model.get(named));
                        swappedTo = rival;
                        continue;
                    }
                    credit = new ArrayList<>(List.of(named));
                } else {
                    // A clause about one thing credits the points that speak of that thing, not its neighbours.
                    Set<String> head = model.get(named).head();
                    credit.removeIf(i -> !model.get(i).part().keySet().containsAll(head));
                    if (!credit.contains(named)) {
                        credit.add(named);
                    }
                }
            }
            // The rest of a sentence that began with a swap still describes the wrong thing.
            credit.remove(Integer.valueOf(swappedTo));
            for (int p : credit) {
                credited.get(p).addAll(clause.keys());
                if (p != named) {
                    matched.get(p).add(clause);
                }
            }
        }
        misattributed(model, clauses, credited, reasons);
        List<PointResult> results = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            Point p = model.get(i);
            if (reasons[i] == null) {
                reasons[i] = opposite(p, about.get(i), 1, answer);
            }
            if (reasons[i] == null && p.head().isEmpty()) {
                // A point with no head of its own is never named: judge the clauses that matched it, more strictly.
                reasons[i] = opposite(p, matched.get(i), 2, answer);
            }
            results.add(verdict(p, weights.get(i), credited.get(i), reasons[i]));
        }
        return new AnswerCheck(outOfOrder(model, results, clauses, answer));
    }

    /**
     * A sequence told in the wrong order. When the answer orders what it says ("then", "然后", "→"…) and the
     * card lists four or more short points (steps), each covered point is placed at the clause that says most of
     * what only that point has; the points outside the longest run that keeps the card's order are contradicted
     * ("only after the model is in production do we train it").
     */
    private static List<PointResult> outOfOrder(List<Point> model, List<PointResult> results, List<Clause> clauses,
                                                String answer) {
        double claimTerms = model.stream().mapToLong(p -> p.part().values().stream().filter(v -> v == 1.0).count())
                .average().orElse(0);
        if (model.size() < LEAST_SEQUENCE || claimTerms > MOST_STEP_TERMS || !SEQUENCE_WORDS.matcher(answer).find()) {
            return results;
        }
        Map<String, Integer> pointsWith = new HashMap<>();
        model.forEach(p -> p.part().keySet().forEach(k -> pointsWith.merge(k, 1, Integer::sum)));
        List<int[]> placed = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            if (!results.get(i).covered()) {
                continue;
            }
            Set<String> own = new HashSet<>();
            model.get(i).part().forEach((k, part) -> {
                if (part == 1.0 && pointsWith.get(k) == 1) {
                    own.add(k);
                }
            });
            // Where the answer says most of what only this point has, or else names its head.
            Clause where = null;
            long most = 0;
            for (Clause c : clauses) {
                long n = c.keys().stream().filter(own::contains).count();
                if (n > most) {
                    most = n;
                    where = c;
                }
            }
            Set<String> head = model.get(i).head();
            if (where == null && !head.isEmpty()) {
                where = clauses.stream().filter(c -> c.keys().containsAll(head)).findFirst().orElse(null);
            }
            if (where != null) {
                placed.add(new int[] {where.start(), i});
            }
        }
        placed.sort((a, b) -> Integer.compare(a[0], b[0]));
        Set<Integer> kept = longestInOrder(placed.stream().mapToInt(a -> a[1]).toArray());
        List<PointResult> out = new ArrayList<>(results);
        for (int[] p : placed) {
            if (!kept.contains(p[1])) {
                PointResult r = results.get(p[1]);
                out.set(p[1], new PointResult(r.text(), false, r.matched(), r.matchedKeys(),
                        "comes out of order: the card has it elsewhere in the sequence", r.said()));
            }
        }
        return out;
    }

    /** The indexes of the longest increasing subsequence (the points the answer gives in the card's order). */
    private static Set<Integer> longestInOrder(int[] order) {
        int n = order.length;
        int[] length = new int[n];
        int[] previous = new int[n];
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            previous[i] = -1;
            for (int j = 0; j < i; j++) {
                if (order[j] < order[i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        Set<Integer> kept = new HashSet<>();
        for (int i = best; i >= 0; i = previous[i]) {
            kept.add(order[i]);
        }
        return kept;
    }

    private Point point(String text) {
        Point cached = points.get(text);
        if (cached != null) {
            return cached;
        }
        PointShape shape = PointShape.of(text);
        Map<String, Double> part = new LinkedHashMap<>();
        Map<String, String> surface = new LinkedHashMap<>();
        Set<String> head = new LinkedHashSet<>();
        for (Term t : analyzer.terms(shape.head())) {
            head.add(t.key());
            part.put(t.key(), 1.0);
        }
        if (genericLabels.containsAll(head)) {
            head.clear();
        }
        analyzer.terms(shape.claim()).forEach(t -> part.put(t.key(), 1.0));
        analyzer.terms(shape.detail()).forEach(t -> part.putIfAbsent(t.key(), DETAIL_WEIGHT));
        List<Term> terms = analyzer.terms(text);
        for (Term t : terms) {
            surface.putIfAbsent(t.key(), text.substring(t.start(), t.end()));
            part.putIfAbsent(t.key(), 1.0);
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            analyzer.terms(name.group(1)).forEach(t -> names.add(t.key()));
        }
        Point p = new Point(text, terms, part, surface, head, shape.kind(), relations.find(text), names);
        if (points.size() < MOST_CACHED_POINTS) {
            points.put(text, p);
        }
        return p;
    }

    /** A point's opening keyword counts as its head only when no other point of the card opens with it too. */
    private static List<Point> withUniqueLeads(List<Point> model) {
        List<Point> out = new ArrayList<>();
        for (Point p : model) {
            boolean shared = p.kind() == PointShape.Kind.LEAD && model.stream()
                    .anyMatch(o -> o != p && o.head().equals(p.head()));
            out.add(shared ? p.withoutHead() : p);
        }
        return out;
    }

    /** Rarity across the decks, times a share for the card's other points that use the term, times its part. */
    private List<Map<String, Double>> weights(List<Point> model) {
        Map<String, Integer> pointsWith = new HashMap<>();
        model.forEach(p -> p.part().keySet().forEach(k -> pointsWith.merge(k, 1, Integer::sum)));
        List<Map<String, Double>> weights = new ArrayList<>();
        for (Point p : model) {
            Map<String, Double> w = new HashMap<>();
            p.part().forEach((k, part) -> w.put(k, rarity.of(k) * part / pointsWith.get(k)));
            weights.add(w);
        }
        return weights;
    }

    private List<Clause> clauses(String answer) {
        List<Term> terms = analyzer.terms(answer);
        List<Relations.Side> sides = relations.find(answer);
        List<Clause> clauses = new ArrayList<>();
        int sentence = 0;
        int sentenceStart = 0;
        Matcher end = SENTENCE_END.matcher(answer);
        while (sentenceStart < answer.length()) {
            int sentenceEnd = end.find(sentenceStart) ? end.start() : answer.length();
            int next = sentenceEnd < answer.length() ? end.end() : answer.length();
            int clauseStart = sentenceStart;
            Matcher brk = CLAUSE_BREAK.matcher(answer).region(sentenceStart, sentenceEnd);
            while (clauseStart < sentenceEnd) {
                int clauseEnd = brk.find() ? brk.start() : sentenceEnd;
                Clause c = clause(sentence, clauseStart, clauseEnd, terms, sides);
                if (!c.terms().isEmpty() || !c.sides().isEmpty()) {
                    clauses.add(c);
                }
                clauseStart = clauseEnd < sentenceEnd ? brk.end() : sentenceEnd;
            }
            sentence++;
            sentenceStart = Math.max(next, sentenceEnd + 1);
        }
        return clauses;
    }

    private static Clause clause(int sentence, int start, int end, List<Term> terms, List<Relations.Side> sides) {
        List<Term> in = terms.stream().filter(t -> t.start() >= start && t.start() < end).toList();
        List<Relations.Side> sidesIn = sides.stream().filter(s -> s.start() >= start && s.start() < end).toList();
        return new Clause(sentence, start, end, in, sidesIn);
    }

    /**
     * The point a clause is about: the one whose whole head the clause opens with (within its first two terms; a
     * head named further in is a mention, as Prometheus in "Grafana: dashboards on top of Prometheus"). -1 when it
     * names none or several (a clause that runs through several heads, "工作区 → git add → 暂存区", is a list). A
     * head inside a longer named head does not count: "count(distinct cuid)" names that point, not "count(*)".
     */
    private static int named(List<Point> model, Clause clause) {
        Set<String> keys = clause.keys();
        Set<String> opening = new HashSet<>();
        clause.terms().stream().limit(2).forEach(t -> opening.add(t.key()));
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            Set<String> head = model.get(i).head();
            if (!head.isEmpty() && keys.containsAll(head)) {
                named.add(i);
            }
        }
        List<Integer> widest = named.stream().filter(i -> named.stream().noneMatch(j -> j != i
                && model.get(j).head().size() > model.get(i).head().size()
                && model.get(j).head().containsAll(model.get(i).head()))).toList();
        if (widest.size() != 1) {
            return -1;
        }
        int subject = widest.get(0);
        return model.get(subject).head().stream().anyMatch(opening::contains) ? subject : -1;
    }

    /**
     * Another point of the same kind, with a head of its own that the clause does not name, whose claim (heads
     * aside) fits the clause better than the named point's; -1 when there is none. With no point named
     * ({@code named} -1), simply the point whose claim fits the clause best.
     */
    private static int bestClaim(List<Point> model, List<Map<String, Double>> weights, Clause clause, int named) {
        Set<String> heads = new HashSet<>();
        model.forEach(m -> heads.addAll(m.head()));
        Set<String> said = new HashSet<>(clause.keys());
        said.removeAll(heads);
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < model.size(); i++) {
            double score = 0;
            for (String k : model.get(i).part().keySet()) {
                score += said.contains(k) ? weights.get(i).get(k) : 0;
            }
            if (score > bestScore + 1e-9) {
                best = i;
                bestScore = score;
            }
        }
        if (named < 0 || best < 0) {
            return best;
        }
        if (best == named || model.get(best).kind() != model.get(named).kind()) {
            return -1;
        }
        Set<String> rivalHead = model.get(best).head();
        boolean rivalNamed = clause.keys().containsAll(rivalHead) && !model.get(named).head().containsAll(rivalHead);
        return rivalHead.isEmpty() || rivalNamed ? -1 : best;
    }

    private static boolean opensWith(Clause clause, Set<String> head) {
        return !clause.terms().isEmpty() && head.contains(clause.terms().get(0).key());
    }

    /** Whether a clause naming point {@code p} gives point {@code q}'s claim: q's fits clearly better than p's own. */
    private static boolean isSwap(List<Point> model, List<Map<String, Double>> weights, Clause clause, int p, int q) {
        Set<String> heads = new HashSet<>();
        model.forEach(m -> heads.addAll(m.head()));
        List<String> said = clause.terms().stream().map(Term::key).filter(k -> !heads.contains(k)).toList();
        if (said.isEmpty()) {
            return false;
        }
        double own = claimFit(model.get(p), weights.get(p), said, heads);
        double other = claimFit(model.get(q), weights.get(q), said, heads);
        Map<String, Double> ownTerms = model.get(p).part();
        Map<String, Double> rivalTerms = model.get(q).part();
        long rivalOnly = said.stream().distinct().filter(k -> rivalTerms.containsKey(k) && !ownTerms.containsKey(k)).count();
        boolean ownOnly = said.stream().anyMatch(k -> ownTerms.containsKey(k) && !rivalTerms.containsKey(k));
        return rivalOnly >= 2 && !ownOnly && other >= SWAP_LEAST_FIT && other > SWAP_MARGIN * own;
    }

    /** How much of a point's claim a clause's words give: matched weight plus matched word pairs, over the need. */
    private static double claimFit(Point point, Map<String, Double> weight, List<String> said, Set<String> heads) {
        List<String> claim = point.terms().stream().map(Term::key).filter(k -> !heads.contains(k)).toList();
        if (claim.isEmpty()) {
            return 0;
        }
        Set<String> saidSet = new HashSet<>(said);
        double matched = 0;
        double total = 0;
        for (String k : new LinkedHashSet<>(claim)) {
            total += weight.get(k);
            matched += saidSet.contains(k) ? weight.get(k) : 0;
        }
        Set<String> saidPairs = pairs(said);
        Set<String> claimPairs = pairs(claim);
        long sharedPairs = claimPairs.stream().filter(saidPairs::contains).count();
        double pairShare = claimPairs.isEmpty() ? 0 : sharedPairs / (double) claimPairs.size();
        return matched / Math.max(1e-9, Math.min(SHARE_NEEDED * total, MOST_WEIGHT_NEEDED)) + pairShare;
    }

    private static Set<String> pairs(List<String> keys) {
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 1 < keys.size(); i++) {
            if (!keys.get(i).equals(keys.get(i + 1))) {
                pairs.add(keys.get(i) + "\u0000" + keys.get(i + 1));
            }
        }
        return pairs;
    }

    /**
     * The points a clause credits, best first: every point whose shared terms weigh at least {@link #RIVAL_SHARE}
     * of the best point's, so one clause of an enumeration ("模型名和版本号、输入特征") still credits each point it
     * names, while a near miss (RIGHT JOIN beside a LEFT JOIN sentence) gets nothing.
     */
    private static List<Integer> matching(List<Point> model, List<Map<String, Double>> weights, Clause clause) {
        Set<String> keys = clause.keys();
        double[] score = new double[model.size()];
        double best = 0;
        for (int i = 0; i < model.size(); i++) {
            for (String k : model.get(i).part().keySet()) {
                score[i] += keys.contains(k) ? weights.get(i).get(k) : 0;
            }
            best = Math.max(best, score[i]);
        }
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            if (best > 0 && score[i] >= RIVAL_SHARE * best - 1e-9) {
                matching.add(i);
            }
        }
        double top = best;
        matching.sort((a, b) -> Double.compare(score[b], score[a]));
        return top > 0 ? matching : List.of();
    }

    /**
     * Why a point is contradicted by the clauses about it: one puts the opposite side of a relation next to at
     * least {@code leastOverlap} of the words the point puts next to its side ("WHERE … 以后" against "WHERE
     * 在分组之前"; "LEFT JOIN keeps the rows of the right table" against "保留左表全部行"); null when none does. Words
     * the point puts next to both sides (表 beside 左 and 右) tell nothing. A clause that names the point needs one
     * such word; one that only matched it needs two.
     */
    private String opposite(Point point, List<Clause> about, int leastOverlap, String answer) {
        for (Relations.Side stated : point.sides()) {
            if (insideHead(stated, point.terms(), point.head())) {
                continue;
            }
            Set<String> telling = near(point.text(), point.terms(), stated);
            for (Relations.Side other : point.sides()) {
                if (other.opposes(stated)) {
                    telling.removeAll(near(point.text(), point.terms(), other));
                }
            }
            if (telling.isEmpty()) {
                continue;
            }
            for (Clause clause : about) {
                int same = 0;
                int opposite = 0;
                Relations.Side said = null;
                for (Relations.Side s : clause.sides()) {
                    if (s.pair() != stated.pair() || insideHead(s, clause.terms(), point.head())) {
                        continue;
                    }
                    long overlap = near(answer, clause.terms(), s).stream().filter(telling::contains).count();
                    if (s.right() == stated.right()) {
                        same = Math.max(same, (int) overlap);
                    } else if (overlap > opposite) {
                        opposite = (int) overlap;
                        said = s;
                    }
                }
                if (said != null && opposite >= leastOverlap && opposite > same) {
                    return "says \"" + said.surface() + "\" where the point says \"" + stated.surface() + "\"";
                }
            }
        }
        return null;
    }

    /** Whether a side is part of the point's name rather than a claim: the LEFT of "LEFT JOIN". */
    private static boolean insideHead(Relations.Side side, List<Term> terms, Set<String> head) {
        return terms.stream().anyMatch(t -> head.contains(t.key()) && t.start() <= side.start() && side.end() <= t.end());
    }

    /** The term keys just before and after a side, within its clause: what the relation is about. */
    private static Set<String> near(String text, List<Term> terms, Relations.Side side) {
        Set<String> near = new HashSet<>();
        int before = -1;
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).end() <= side.start()) {
                before = i;
            }
        }
        for (int i = before, taken = 0; i >= 0 && taken < 2 && !brokenBetween(text, terms.get(i).end(), side.start()); i--, taken++) {
            near.add(terms.get(i).key());
        }
        int after = 0;
        for (int i = before + 1; i < terms.size() && after < 3; i++) {
            Term t = terms.get(i);
            if (t.start() < side.end()) {
                continue;
            }
            if (brokenBetween(text, side.end(), t.start())) {
                break;
            }
            near.add(t.key());
            after++;
        }
        return near;
    }

    private static boolean brokenBetween(String text, int from, int to) {
        return from < to && CLAUSE_PUNCTUATION.matcher(text.substring(from, to)).find();
    }

    /**
     * Swapped roles told clause by clause: each word that only one point uses is attached to the point a clause
     * opens with (its head, or for a plain point the name only it uses). A point that gathers two or more of its
     * same-kind siblings' own words, more than its own, has been given their claims ("the Ingress gives the pods a
     * stable internal address…, the Service routes external traffic"); it is contradicted, and those words credit
     * nobody.
     */
    private static void misattributed(List<Point> model, List<Clause> clauses, List<Set<String>> credited,
                                      String[] reasons) {
        List<Set<String>> anchors = new ArrayList<>();
        Map<String, Integer> ownerOfWord = new HashMap<>();
        Map<String, Integer> pointsWithWord = new HashMap<>();
        model.forEach(p -> p.part().keySet().forEach(k -> pointsWithWord.merge(k, 1, Integer::sum)));
        for (int i = 0; i < model.size(); i++) {
            Point p = model.get(i);
            Set<String> anchor = new HashSet<>(p.head());
            if (anchor.isEmpty()) {
                p.names().stream().filter(k -> pointsWithWord.getOrDefault(k, 0) == 1).forEach(anchor::add);
            }
            anchors.add(anchor);
        }
        Set<String> allAnchors = new HashSet<>();
        anchors.forEach(allAnchors::addAll);
        for (int i = 0; i < model.size(); i++) {
            for (String k : model.get(i).part().keySet()) {
                if (pointsWithWord.get(k) == 1 && !allAnchors.contains(k)) {
                    ownerOfWord.put(k, i);
                }
            }
        }
        int[][] tally = new int[model.size()][model.size()];
        List<List<String>> given = new ArrayList<>();
        model.forEach(p -> given.add(new ArrayList<>()));
        for (Clause clause : clauses) {
            // A clause naming two of them relates them ("image is to container…") rather than describing one.
            List<Integer> present = new ArrayList<>();
            for (int i = 0; i < model.size(); i++) {
                if (!anchors.get(i).isEmpty() && clause.keys().containsAll(anchors.get(i))) {
                    present.add(i);
                }
            }
            // count(*) inside count(distinct cuid) is not a second name.
            present.removeIf(i -> present.stream().anyMatch(j -> j != i && anchors.get(j).size() > anchors.get(i).size()
                    && anchors.get(j).containsAll(anchors.get(i))));
            if (present.size() != 1 || !opensWith(clause, anchors.get(present.get(0)))) {
                continue;
            }
            int holder = present.get(0);
            for (String k : clause.keys()) {
                Integer owner = ownerOfWord.get(k);
                if (owner != null && model.get(owner).kind() == model.get(holder).kind()) {
                    tally[holder][owner]++;
                    if (owner != holder) {
                        given.get(holder).add(k);
                    }
                }
            }
        }
        for (int q = 0; q < model.size(); q++) {
            int foreign = 0;
            int rival = -1;
            for (int p = 0; p < model.size(); p++) {
                if (p != q && tally[q][p] > 0) {
                    foreign += tally[q][p];
                    rival = rival < 0 || tally[q][p] > tally[q][rival] ? p : rival;
                }
            }
            if (foreign >= 2 && foreign > tally[q][q] && reasons[q] == null) {
                reasons[q] = "gives " + label(model.get(rival)) + "'s description under " + label(model.get(q));
                for (String k : given.get(q)) {
                    credited.get(ownerOfWord.get(k)).remove(k);
                }
            }
        }
    }

    private PointResult verdict(Point p, Map<String, Double> weight, Set<String> credited, String reason) {
        double claimWeight = 0;
        double matched = 0;
        int matchedTerms = 0;
        int claimTerms = 0;
        List<String> surfaces = new ArrayList<>();
        Set<String> matchedKeys = new LinkedHashSet<>();
        for (Map.Entry<String, Double> e : p.part().entrySet()) {
            double w = weight.get(e.getKey());
            boolean inClaim = e.getValue() == 1.0;
            claimWeight += inClaim ? w : 0;
            claimTerms += inClaim ? 1 : 0;
            if (credited.contains(e.getKey())) {
                matched += w;
                matchedTerms++;
                surfaces.add(p.surface().get(e.getKey()));
                matchedKeys.add(e.getKey());
            }
        }
        // A long point (a command, a code block) needs more evidence than a short one, as the square root of its size.
        double most = Math.max(MOST_WEIGHT_NEEDED, LONG_POINT_FACTOR * Math.sqrt(claimTerms));
        double need = Math.min(SHARE_NEEDED * claimWeight, most);
        boolean enough = matched >= need - 1e-9 && matchedTerms >= (claimTerms >= 3 ? 2 : 1);
        boolean covered = enough && reason == null;
        double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
        return new PointResult(p.text(), covered, surfaces, matchedKeys, reason == null ? "" : reason,
                total == 0 ? 0 : matched / total);
    }

    private static String label(Point p) {
        PointShape shape = PointShape.of(p.text());
        String name = shape.head().isEmpty() ? p.text() : shape.head();
        return "\"" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "\"";
    }

    /** A key point analysed once: its terms, each term's part weight, surfaces to show, head terms, relation sides. */
    private record Point(String text, List<Term> terms, Map<String, Double> part, Map<String, String> surface,
                         Set<String> head, PointShape.Kind kind, List<Relations.Side> sides, Set<String> names) {
        Point withoutHead() {
            return new Point(text, terms, part, surface, Set.of(), PointShape.Kind.PLAIN, sides, names);
        }
    }

    /** A clause of the answer: its sentence, span, terms and relation sides. */
    private record Clause(int sentence, int start, int end, List<Term> terms, List<Relations.Side> sides) {
        Set<String> keys() {
            Set<String> keys = new HashSet<>();
            terms.forEach(t -> keys.add(t.key()));
            return keys;
        }
    }

    /**
     * A key point, whether the answer covers it, the point's words the answer used, why it is not covered although
     * the answer speaks about it ({@code reason}: a contradiction; empty when there is none), and how much of the
     * point, detail included, the answer said ({@code said}: its share of the point's term weight, 0 to 1).
     */
    public record PointResult(String text, boolean covered, List<String> matched, Set<String> matchedKeys,
                              String reason, double said) {
        PointResult withCovered(boolean value) {
            return new PointResult(text, value, matched, matchedKeys, reason, said);
        }

        public boolean contradicted() {
            return !reason.isEmpty();
        }
    }

    /** The points checked; coverage is covered points over all points (0 when there are none). */
    public record AnswerCheck(List<PointResult> points) {
        public double coverage() {
            if (points.isEmpty()) {
                return 0;
            }
            return points.stream().filter(PointResult::covered).count() / (double) points.size();
        }

        /** How much of the key points, detail included, the answer said: the mean of their {@code said} shares. */
        public double depth() {
            return points.stream().mapToDouble(PointResult::said).average().orElse(0);
        }

        /** Whether the answer contradicts any point (a swapped role or an opposite relation). */
        public boolean contradicted() {
            return points.stream().anyMatch(PointResult::contradicted);
        }

        /** The same points with the user's own ticks: exactly the points at these indexes are covered. */
        public AnswerCheck withTicks(Set<Integer> ticked) {
            List<PointResult> ticks = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                ticks.add(points.get(i).withCovered(ticked.contains(i)));
            }
            return new AnswerCheck(ticks);
        }

        /** Every term key matched by some point: what to highlight in the typed answer. */
        public Set<String> matchedKeys() {
            Set<String> keys = new LinkedHashSet<>();
            points.forEach(p -> keys.addAll(p.matchedKeys()));
            return keys;
        }
    }
}
