package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a typed answer against a card's key points the way an interviewer listens: clause by clause.
 *
 * <p>Each key point is cut into a head (what it is about), a claim and detail ({@link PointShape}); each of its
 * terms weighs by its rarity across the collection's cards ({@link TermRarity}), divided among the card's points that
 * share it, and by its part (detail counts half). The answer is cut into sentences and clauses. A clause that opens
 * with a point's head speaks about that point; every clause credits the points it matches at least
 * {@link #RIVAL_SHARE} as well as its best one, so a sentence about LEFT JOIN does not also cover RIGHT JOIN while
 * one clause of an enumeration still credits each item it lists. A point is covered when the words credited to it
 * weigh {@link #SHARE_NEEDED} of its head and claim, or at most {@link #MOST_WEIGHT_NEEDED} (more for a long point,
 * as the square root of its size), with two different terms when the point has three or more.
 *
 * <p>A point is contradicted, and not covered, when a clause about it gives a sibling's claim under its head
 * (swapped roles: "a container is the file you build, an image is what runs"), and when {@link Contradictions}
 * finds an opposite relation, claims attached to the wrong names or a sequence out of order.
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
    /** Below this share of its words on the card's subject, an answer is about something else ({@link #onTopic}). */
    static final double OFF_TOPIC_BELOW = 0.3;
    /** What such an answer must say of a point's claim to cover it: most of it, not a few shared words. */
    static final double MOSTLY_SAID = 0.6;
    private static final int MOST_CACHED_POINTS = 4096;
    /** How many of a point's words a reason quotes: enough to check against the answer, few enough to read. */
    private static final int WORDS_IN_A_REASON = 4;
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
    /** A short label opening a sentence inside a point ("… Continuous deployment: every change …"). */
    private static final Pattern FACET_LABEL = Pattern.compile(
            "(?:^|(?<=[.。；;:：])\\s*)(\\p{Lu}[\\p{L}-]*(?: [\\p{L}-]+){0,3}|\\p{IsHan}{2,8})[:：]");
    private static final Pattern SENTENCE_END = Pattern.compile("[。！？；;!?\\n]+|\\.(?=\\s|$)");
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[，,、](?!\\d)|[：](?!/)|:(?=\\s)|\\s*(?:→|->|=>|⇒)\\s*|\\s(?:and|but|while|whereas)\\s|而|但是|但");

    /** Words a speaker opens a clause with before saying anything: never what the clause is about. */
    private static final Set<String> FILLERS = Set.of("so", "basically", "um", "uh", "well", "actually", "okay", "ok",
            "yeah", "anyway", "就是", "就是说", "那个", "其实", "嗯", "呃", "然后呢");

    private final TermAnalyzer analyzer;
    private final Relations relations;
    private final RoleBindings roles;
    private final Map<String, AnalysedPoint> points = new ConcurrentHashMap<>();
    /** The term keys of {@link #GENERIC_LABELS}, analysed with the first point rather than at start-up. */
    private volatile Set<String> genericLabels;

    public AnswerMatcher(TermAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.relations = Relations.shipped();
        this.roles = new RoleBindings(analyzer);
    }

    public TermAnalyzer analyzer() {
        return analyzer;
    }

    /**
     * Each point with its verdict and the words that earned it, terms weighed by their rarity across the
     * collection; points without any content term are left out.
     */
    public AnswerCheck check(List<String> pointTexts, String typed, TermRarity rarity) {
        return check(pointTexts, Map.of(), typed, rarity);
    }

    /** A card's answer checked against its key points, with the subjects of its table rows' columns. */
    public AnswerCheck checkCard(String cardAnswer, String typed, TermRarity rarity) {
        return check(KeyPoints.of(cardAnswer), KeyPoints.columnSubjects(cardAnswer), KeyPoints.boldNames(cardAnswer),
                typed, rarity);
    }

    /**
     * As {@link #check(List, String, TermRarity)}, where {@code columnSubjects} maps a table row's point to what its
     * cells are about (the table's header), so that a row's columns told the wrong way round are caught.
     */
    public AnswerCheck check(List<String> pointTexts, Map<String, List<String>> columnSubjects, String typed,
                             TermRarity rarity) {
        return check(pointTexts, columnSubjects, List.of(), typed, rarity);
    }

    /**
     * As {@link #check(List, Map, String, TermRarity)}, where {@code boldNames} are what the card sets in bold: the
     * names its points bind claims to, so that an answer giving one name another's claim is caught.
     */
    public AnswerCheck check(List<String> pointTexts, Map<String, List<String>> columnSubjects, List<String> boldNames,
                             String typed, TermRarity rarity) {
        List<AnalysedPoint> analysed = new ArrayList<>();
        for (String text : pointTexts) {
            AnalysedPoint p = point(text);
            if (!p.terms().isEmpty()) {
                analysed.add(p);
            }
        }
        List<AnalysedPoint> model = calledByWhatSetsThemApart(withUniqueLeads(analysed));
        List<Map<String, Double>> weights = weights(model, rarity);
        String answer = typed == null ? "" : typed;
        List<AnswerClause> clauses = clauses(answer);

        List<Set<String>> credited = new ArrayList<>();
        List<List<AnswerClause>> about = new ArrayList<>();
        List<List<AnswerClause>> matched = new ArrayList<>();
        Reason[] reasons = new Reason[model.size()];
        for (int i = 0; i < model.size(); i++) {
            credited.add(new HashSet<>());
            about.add(new ArrayList<>());
            matched.add(new ArrayList<>());
        }
        int sentence = -1;
        int subject = -1;
        int swappedTo = -1;
        for (AnswerClause clause : clauses) {
            if (clause.sentence() != sentence) {
                sentence = clause.sentence();
                subject = -1;
                swappedTo = -1;
            }
            List<Integer> matching = matching(model, weights, clause);
            int best = matching.isEmpty() ? -1 : matching.get(0);
            int named = named(model, clause);
            if (named >= 0 && subject >= 0 && named != subject && !clause.opensWith(model.get(named).head())
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
                        reasons[named] = Reason.of("practice.contradiction.swapped",
                                Contradictions.label(model.get(rival)), Contradictions.label(model.get(named)));
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
                credited.get(p).addAll(clause.parts());
                if (p != named) {
                    matched.get(p).add(clause);
                }
            }
        }
        Contradictions.misattributed(model, clauses, credited, reasons);
        Contradictions.valueReversed(model, clauses, answer, reasons);
        roles.check(model, boldNames, clauses, answer, credited, reasons);
        roles.rangesReadBackwards(model, clauses, answer, credited, reasons);
        for (int i = 0; i < model.size(); i++) {
            List<String> subjects = columnSubjects.get(model.get(i).text());
            if (reasons[i] == null && subjects != null) {
                reasons[i] = Contradictions.swappedColumns(model.get(i), subjects, clauses, analyzer);
            }
        }
        boolean answerInChinese = Script.mostlyChinese(answer);
        boolean acrossLanguages = !answer.isBlank()
                && answerInChinese != Script.mostlyChinese(String.join("\n", pointTexts));
        double need = onTopic(model, clauses, rarity, acrossLanguages) < OFF_TOPIC_BELOW ? MOSTLY_SAID : SHARE_NEEDED;
        List<PointResult> results = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            AnalysedPoint p = model.get(i);
            if (reasons[i] == null) {
                reasons[i] = Contradictions.opposite(p, about.get(i), 1, answer);
            }
            if (reasons[i] == null && p.head().isEmpty()) {
                // A point with no head of its own is never named: judge the clauses that matched it, more strictly.
                reasons[i] = Contradictions.opposite(p, matched.get(i), 2, answer);
            }
            if (reasons[i] == null && Contradictions.headIsAClaim(p)) {
                // "CI also tests data and models:" is a claim, not a name: judged like a point with no head.
                List<AnswerClause> said = new ArrayList<>(about.get(i));
                said.addAll(matched.get(i));
                reasons[i] = Contradictions.opposite(p.withoutHead(), said, 2, answer);
            }
            if (reasons[i] == null) {
                List<AnswerClause> creditedClauses = new ArrayList<>(about.get(i));
                creditedClauses.addAll(matched.get(i));
                reasons[i] = Contradictions.denial(p, creditedClauses, answer);
            }
            results.add(verdict(p, weights.get(i), rarity, credited.get(i), reasons[i], need,
                    acrossLanguages ? Script.sayableIn(p, answerInChinese) : p.part().keySet()));
        }
        return new AnswerCheck(Contradictions.outOfOrder(model, weights, results, clauses, answer));
    }

    private AnalysedPoint point(String text) {
        AnalysedPoint cached = points.get(text);
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
        if (genericLabels().containsAll(head)) {
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
        Set<String> parts = new LinkedHashSet<>();
        terms.forEach(t -> parts.addAll(analyzer.partsOf(text.substring(t.start(), t.end()))));
        parts.removeAll(part.keySet());
        AnalysedPoint p = new AnalysedPoint(text, terms, part, surface, head, shape.kind(), relations.find(text), names,
                facets(shape.claim()), head, parts);
        if (points.size() < MOST_CACHED_POINTS) {
            points.put(text, p);
        }
        return p;
    }

    private Set<String> genericLabels() {
        Set<String> labels = genericLabels;
        if (labels == null) {
            Set<String> keys = new HashSet<>();
            for (String label : GENERIC_LABELS.split(",")) {
                analyzer.terms(label).forEach(t -> keys.add(t.key()));
            }
            labels = Set.copyOf(keys);
            genericLabels = labels;
        }
        return labels;
    }

    /** The labelled parts inside a point's claim, when it has two or more ("Continuous delivery: …"). */
    private List<AnalysedPoint.Facet> facets(String claim) {
        Matcher label = FACET_LABEL.matcher(claim);
        List<int[]> spans = new ArrayList<>();
        while (label.find()) {
            spans.add(new int[] {label.start(1), label.end(1), label.end()});
        }
        List<AnalysedPoint.Facet> facets = new ArrayList<>();
        for (int f = 0; spans.size() >= 2 && f < spans.size(); f++) {
            String name = claim.substring(spans.get(f)[0], spans.get(f)[1]);
            String body = claim.substring(spans.get(f)[2], f + 1 < spans.size() ? spans.get(f + 1)[0] : claim.length());
            Set<String> anchor = new HashSet<>();
            analyzer.terms(name).forEach(t -> anchor.add(t.key()));
            Set<String> words = new HashSet<>();
            analyzer.terms(body).forEach(t -> words.add(t.key()));
            if (!anchor.isEmpty()) {
                facets.add(new AnalysedPoint.Facet(name, anchor, words));
            }
        }
        return facets;
    }

    /** A point's opening keyword counts as its head only when no other point of the card opens with it too. */
    private static List<AnalysedPoint> withUniqueLeads(List<AnalysedPoint> model) {
        List<AnalysedPoint> out = new ArrayList<>();
        for (AnalysedPoint p : model) {
            boolean shared = p.kind() == PointShape.Kind.LEAD && model.stream()
                    .anyMatch(o -> o != p && o.head().equals(p.head()));
            out.add(shared ? p.withoutHead() : p);
        }
        return out;
    }

    /** Each head less the words other heads also have ("git" of git reset and git revert), when that leaves any. */
    private static List<AnalysedPoint> calledByWhatSetsThemApart(List<AnalysedPoint> model) {
        List<AnalysedPoint> out = new ArrayList<>();
        for (AnalysedPoint p : model) {
            Set<String> own = new HashSet<>(p.head());
            model.stream().filter(o -> o != p).forEach(o -> own.removeAll(o.head()));
            out.add(own.isEmpty() ? p : p.calledBy(own));
        }
        return out;
    }

    /** Rarity across the decks, times a share for the card's other points that use the term, times its part. */
    private static List<Map<String, Double>> weights(List<AnalysedPoint> model, TermRarity rarity) {
        Map<String, Integer> pointsWith = AnalysedPoint.pointsWithEachWord(model);
        List<Map<String, Double>> weights = new ArrayList<>();
        for (AnalysedPoint p : model) {
            Map<String, Double> w = new HashMap<>();
            p.part().forEach((k, part) -> w.put(k, rarity.of(k) * part / pointsWith.get(k)));
            weights.add(w);
        }
        return weights;
    }

    private List<AnswerClause> clauses(String answer) {
        List<Term> terms = analyzer.terms(answer);
        List<Relations.Side> sides = relations.find(answer);
        List<AnswerClause> clauses = new ArrayList<>();
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
                AnswerClause c = clause(answer, sentence, clauseStart, clauseEnd, terms, sides);
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

    private AnswerClause clause(String answer, int sentence, int start, int end, List<Term> terms,
                                List<Relations.Side> sides) {
        List<Term> in = terms.stream().filter(t -> t.start() >= start && t.start() < end).toList();
        // A spoken clause opens with what it is about once its fillers are set aside ("so basically container 是…").
        int opening = 0;
        while (opening < in.size() && FILLERS.contains(in.get(opening).key())) {
            opening++;
        }
        in = in.subList(opening, in.size());
        List<Relations.Side> sidesIn = sides.stream().filter(s -> s.start() >= start && s.start() < end).toList();
        Set<String> parts = new HashSet<>();
        in.forEach(t -> parts.addAll(analyzer.partsOf(answer.substring(t.start(), t.end()))));
        return new AnswerClause(sentence, start, end, in, sidesIn, parts);
    }

    /**
     * The point a clause is about: the one whose whole head the clause opens with (within its first two terms; a
     * head named further in is a mention, as Prometheus in "Grafana: dashboards on top of Prometheus"), or whose
     * distinguishing head words are the clause's first ("reset 是…" names "git reset <提交>"). -1 when it
     * names none or several (a clause that runs through several heads, "工作区 → git add → 暂存区", is a list). A
     * head inside a longer named head does not count: "count(distinct cuid)" names that point, not "count(*)".
     */
    private static int named(List<AnalysedPoint> model, AnswerClause clause) {
        Set<String> keys = clause.keys();
        Set<String> opening = new HashSet<>();
        clause.terms().stream().limit(2).forEach(t -> opening.add(t.key()));
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            Set<String> call = model.get(i).call();
            if (!call.isEmpty() && keys.containsAll(call)) {
                named.add(i);
            }
        }
        List<Integer> widest = named.stream().filter(i -> named.stream().noneMatch(j -> j != i
                && model.get(j).head().size() > model.get(i).head().size()
                && model.get(j).head().containsAll(model.get(i).head()))).toList();
        if (widest.size() != 1) {
            return -1;
        }
        // The whole head among the first two terms ("With continuous deployment…"), or what sets it apart first.
        AnalysedPoint subject = model.get(widest.get(0));
        boolean opens = keys.containsAll(subject.head()) ? subject.head().stream().anyMatch(opening::contains)
                : clause.opensWith(subject.call());
        return opens ? widest.get(0) : -1;
    }

    /**
     * Another point of the same kind, with a head of its own that the clause does not name, whose claim (heads
     * aside) fits the clause better than the named point's; -1 when there is none. With no point named
     * ({@code named} -1), simply the point whose claim fits the clause best.
     */
    private static int bestClaim(List<AnalysedPoint> model, List<Map<String, Double>> weights, AnswerClause clause, int named) {
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

    /** Whether a clause naming point {@code p} gives point {@code q}'s claim: q's fits clearly better than p's own. */
    private static boolean isSwap(List<AnalysedPoint> model, List<Map<String, Double>> weights, AnswerClause clause, int p, int q) {
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
    private static double claimFit(AnalysedPoint point, Map<String, Double> weight, List<String> said, Set<String> heads) {
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
    private static List<Integer> matching(List<AnalysedPoint> model, List<Map<String, Double>> weights, AnswerClause clause) {
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
     * How much of what the answer says belongs to the card: the rarity-weighted share of its distinct terms that some
     * key point uses. An answer about something else shares a few common words with a card, and little more.
     */
    private static double onTopic(List<AnalysedPoint> model, List<AnswerClause> clauses, TermRarity rarity,
                                  boolean acrossLanguages) {
        Set<String> card = new HashSet<>();
        model.forEach(p -> card.addAll(p.part().keySet()));
        Set<String> said = new HashSet<>();
        clauses.forEach(c -> said.addAll(c.keys()));
        if (acrossLanguages) {
            // Across languages only the words with a counterpart (glossary groups) could be the card's at all.
            said.removeIf(k -> !k.startsWith("=") && !card.contains(k));
        }
        double all = said.stream().mapToDouble(rarity::of).sum();
        double shared = said.stream().filter(card::contains).mapToDouble(rarity::of).sum();
        return all == 0 ? 0 : shared / all;
    }

    /**
     * The verdict on one point. {@code sayable} are the point's terms the answer's language can say (all of them, or
     * across languages those with a counterpart): how much of the point the answer said is a share of those, since
     * "手头改动还没到可以提交的程度" has words no English answer can echo, however complete.
     */
    private PointResult verdict(AnalysedPoint p, Map<String, Double> weight, TermRarity rarity, Set<String> credited,
                                Reason contradiction, double share, Set<String> sayable) {
        double claimWeight = 0;
        double matched = 0;
        int matchedTerms = 0;
        int claimTerms = 0;
        List<String> surfaces = new ArrayList<>();
        Set<String> matchedKeys = new LinkedHashSet<>();
        double sayableWeight = 0;
        double saidOfSayable = 0;
        for (Map.Entry<String, Double> e : p.part().entrySet()) {
            double w = weight.get(e.getKey());
            boolean canSay = sayable.contains(e.getKey());
            // Across languages, the claim is what the answer's language can say of it.
            boolean inClaim = e.getValue() == 1.0 && canSay;
            claimWeight += inClaim ? w : 0;
            claimTerms += inClaim ? 1 : 0;
            sayableWeight += canSay ? w : 0;
            if (credited.contains(e.getKey())) {
                matched += w;
                matchedTerms++;
                saidOfSayable += canSay ? w : 0;
                surfaces.add(p.surface().get(e.getKey()));
                matchedKeys.add(e.getKey());
            }
        }
        // The concepts inside a compound term count as detail: "历史" says part of "提交历史".
        for (String k : p.parts()) {
            if (credited.contains(k)) {
                matched += rarity.of(k) * DETAIL_WEIGHT;
                matchedTerms++;
            }
        }
        // A long point (a command, a code block) needs more evidence than a short one, as the square root of its size.
        double most = Math.max(MOST_WEIGHT_NEEDED, LONG_POINT_FACTOR * Math.sqrt(claimTerms));
        double need = share > SHARE_NEEDED ? share * claimWeight : Math.min(share * claimWeight, most);
        boolean enough = matched >= need - 1e-9 && matchedTerms >= (claimTerms >= 3 ? 2 : 1);
        PointResult result = new PointResult(p.text(), enough, surfaces, matchedKeys, "",
                sayableWeight == 0 ? 0 : saidOfSayable / sayableWeight, explain(p, weight, matchedKeys, enough, share > SHARE_NEEDED));
        return contradiction == null ? result : result.contradictedBy(contradiction);
    }

    /**
     * Why a point is covered or not, in the words a user can check against the answer: the point's words the answer
     * used, heaviest first, and when it falls short, the heaviest of its claim's words the answer left out (not a
     * label such as "Objective", which says nothing of the claim).
     */
    private Reason explain(AnalysedPoint p, Map<String, Double> weight, Set<String> said, boolean covered,
                           boolean offTopic) {
        Object saidWords = quoted(p, weight, said.stream().toList());
        if (covered) {
            return Reason.of("practice.reason.covered", saidWords);
        }
        List<String> left = p.part().entrySet().stream()
                .filter(e -> e.getValue() == 1.0 && !said.contains(e.getKey()))
                .filter(e -> !genericLabels().contains(e.getKey()))
                .map(Map.Entry::getKey).toList();
        Object leftWords = quoted(p, weight, left);
        if (said.isEmpty()) {
            return Reason.of("practice.reason.nothing", leftWords);
        }
        return Reason.of(offTopic ? "practice.reason.partly.offTopic" : "practice.reason.partly", saidWords, leftWords);
    }

    /** Up to {@link #WORDS_IN_A_REASON} of these terms as the point spells them, heaviest first, quoted. */
    private static Object quoted(AnalysedPoint p, Map<String, Double> weight, List<String> keys) {
        List<String> words = keys.stream()
                .sorted((a, b) -> Double.compare(weight.get(b), weight.get(a)))
                .map(k -> p.surface().get(k))
                .filter(w -> w != null)
                .distinct()
                .limit(WORDS_IN_A_REASON)
                .map(w -> "\u201c" + w + "\u201d")
                .toList();
        return words.isEmpty() ? Reason.of("practice.reason.otherWords") : words;
    }

    /**
     * A key point, whether the answer covers it, the point's words the answer used, what the answer contradicts in it
     * ({@code contradiction}: a swapped role, an opposite relation, a step out of order; empty when there is none, and
     * then the point is not covered), how much of the point, detail included, the answer said ({@code said}: its
     * share of the point's term weight, 0 to 1), and why it is covered or not, for the user ({@code reason}).
     */
    public record PointResult(String text, boolean covered, List<String> matched, Set<String> matchedKeys,
                              String contradiction, double said, Reason why) {
        PointResult withCovered(boolean value) {
            return new PointResult(text, value, matched, matchedKeys, contradiction, said, why);
        }

        /** The same point, not covered because the answer contradicts it in this way. */
        PointResult contradictedBy(Reason what) {
            return new PointResult(text, false, matched, matchedKeys, what.in(Locale.ENGLISH), said,
                    new Reason(what.key().replace("practice.contradiction.", "practice.reason.contradicted."),
                            what.arguments()));
        }

        /** Why, in English (the API and the command line). */
        public String reason() {
            return why.in(Locale.ENGLISH);
        }

        public boolean contradicted() {
            return !contradiction.isEmpty();
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
