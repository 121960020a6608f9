package dev.prepdeck.practice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an answer can say the words of a key point and still get it wrong: an opposite relation ("HAVING 在分组前过滤"),
 * claims attached to the wrong names ("the Ingress gives the pods a stable address, the Service routes external
 * traffic"), or a sequence told out of order. Each finding is the reason a point is not covered.
 */
final class Contradictions {
    /** Words that put what an answer says in order. */
    private static final Pattern SEQUENCE_WORDS = Pattern.compile(
            "(?i)\\b(?:then|after|afterwards|finally|followed by|next)\\b|→|->|然后|之后|以后|接着|最后|随后|再");
    private static final int LEAST_SEQUENCE = 4;
    /** Steps of a sequence are short ("Model Training", "WHERE：逐行过滤"); longer points are explanations. */
    private static final double MOST_STEP_TERMS = 6;
    private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[。！？；;!?，,\\n]|\\.\\s");
    /** Words that deny the clause they stand in; a few negative words ("untracked", 未被跟踪) deny by themselves. */
    private static final Pattern DENIAL = Pattern.compile("(?i)\\b(?:not|no|never|none|nothing|neither|nor|without|"
            + "cannot)\\b|n't\\b|\\bun(?:tracked|staged|committed|changed|labell?ed|sorted|used|known|seen|safe|"
            + "available|able|necessary|splittable|modified|merged|shared|pushed)\\b|[不没无未非勿]");
    /** What looks like a denial and is not: "not only", 不同 (different), 非常 (very), 无论 (whatever). */
    private static final Pattern NOT_A_DENIAL = Pattern.compile("(?i)\\bnot (?:just|only)\\b|\\bno (?:matter|longer)\\b|\\bor not\\b|"
            + "不仅|不只|不止|不光|不但|不同|不断|不少|不错|不过|不管|不久|不然|不停|无论|非常|未来|并非只|没问题|有没有|是不是|能不能");
    /** A point's clauses: as an answer's, and a table row's cells. */
    private static final Pattern POINT_CLAUSE_BREAK = Pattern.compile(
            "[。！？；;!?，,、\\n·：]|:(?=\\s)|\\.\\s|\\s(?:and|but|while|whereas)\\s|而|但");
    static final int LEAST_DENIED = 2;
    /** A point's outright ban ("never the test set", 不要 rebase…): what follows it is forbidden. */
    private static final Pattern NEVER = Pattern.compile("(?i)\\bnever\\b|不要|绝不|切勿|永远不");
    /**
     * A clause that denies or avoids anything (别, 避免), or keeps the thing for the end ("the test set stays
     * untouched for the final score").
     */
    private static final Pattern CLAUSE_DENIAL = Pattern.compile(DENIAL.pattern()
            + "|(?i)\\b(?:avoid|avoids|untouched|final|finally|at the end|last|held[- ]out|hold[- ]out)\\b|别|避免|最后|最终|留到|留出");
    /** Words only one point has that a clause must say to be about that point's claim. */
    static final int LEAST_OWN_WORDS = 2;
    /** Labels an answer or a point gives a benefit or a cost with. */
    private static final Pattern UPSIDE = Pattern.compile(
            "(?i)\\b(?:upsides?|benefits?|advantages?|pros|plus side)\\b|好处|优点|优势|益处|长处|收益");
    private static final Pattern DOWNSIDE = Pattern.compile(
            "(?i)\\b(?:downsides?|drawbacks?|disadvantages?|costs?|cons|trade-?off|price)\\b|代价|缺点|坏处|劣势|弊端|短处|缺陷");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    static final int DENIAL_REACH = 1;
    /** A label of more words than this is a claim ("CI also tests data and models"), not a name. */
    static final int MOST_NAME_WORDS = 3;

    private Contradictions() {
    }

    /**
     * A sequence told in the wrong order. When the answer orders what it says ("then", "然后", "→"…) and the
     * card lists four or more short points (steps), each covered point is placed at the clause that says most of
     * what only that point has, by weight; the points outside the longest run that keeps the card's order are contradicted
     * ("only after the model is in production do we train it").
     */
    static List<AnswerMatcher.PointResult> outOfOrder(List<AnalysedPoint> model, List<Map<String, Double>> weights,
                                                      List<AnswerMatcher.PointResult> results,
                                                      List<AnswerClause> clauses, String answer) {
        double claimTerms = model.stream().mapToLong(p -> p.part().values().stream().filter(v -> v == 1.0).count())
                .average().orElse(0);
        if (model.size() < LEAST_SEQUENCE || claimTerms > MOST_STEP_TERMS || !SEQUENCE_WORDS.matcher(answer).find()) {
            return results;
        }
        Map<String, Integer> pointsWith = AnalysedPoint.pointsWithEachWord(model);
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
            // Where the answer says most of what only this point has (by weight: "staging" over "run"), or else
            // names its head.
            AnswerClause where = null;
            double most = 0;
            Map<String, Double> weight = weights.get(i);
            for (AnswerClause c : clauses) {
                double w = c.keys().stream().filter(own::contains).mapToDouble(weight::get).sum();
                if (w > most + 1e-9) {
                    most = w;
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
        List<AnswerMatcher.PointResult> out = new ArrayList<>(results);
        for (int[] p : placed) {
            if (!kept.contains(p[1])) {
                AnswerMatcher.PointResult r = results.get(p[1]);
                out.set(p[1], r.contradictedBy(Reason.of("practice.contradiction.order")));
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

    /**
     * Why a point is contradicted by the clauses about it: one puts the opposite side of a relation next to at
     * least {@code leastOverlap} of the words the point puts next to its side ("WHERE … 以后" against "WHERE
     * 在分组之前"; "LEFT JOIN keeps the rows of the right table" against "保留左表全部行"); null when none does. Words
     * the point puts next to both sides (表 beside 左 and 右) tell nothing. A clause that names the point needs one
     * such word; one that only matched it needs two.
     */
    static Reason opposite(AnalysedPoint point, List<AnswerClause> about, int leastOverlap, String answer) {
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
            for (AnswerClause clause : about) {
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
                    return Reason.of("practice.contradiction.says", said.surface(), stated.surface());
                }
            }
        }
        return null;
    }

    /**
     * Whether a point's label is itself a claim ("CI also tests data and models: …"): more than
     * {@link #MOST_NAME_WORDS} words. Its relations are what it says, not part of a name.
     */
    static boolean headIsAClaim(AnalysedPoint point) {
        PointShape shape = PointShape.of(point.text());
        if (shape.kind() != PointShape.Kind.LABEL) {
            return false;
        }
        // Words as spoken: an identifier (mapred.job.map.capacity=1800) is one, two Chinese characters are one.
        String head = shape.head();
        long latin = List.of(head.split("\\s+")).stream().filter(w -> w.matches(".*\\p{IsLatin}.*")).count();
        long han = head.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return latin + han / 2 > MOST_NAME_WORDS;
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
    static void misattributed(List<AnalysedPoint> model, List<AnswerClause> clauses, List<Set<String>> credited,
                                      Reason[] reasons) {
        for (int i = 0; i < model.size(); i++) {
            if (reasons[i] == null) {
                reasons[i] = swappedFacets(model.get(i), clauses);
            }
        }
        numbersGivenToOthers(model, clauses, reasons);
        List<Set<String>> anchors = new ArrayList<>();
        Map<String, Integer> ownerOfWord = new HashMap<>();
        Map<String, Integer> pointsWithWord = AnalysedPoint.pointsWithEachWord(model);
        for (int i = 0; i < model.size(); i++) {
            AnalysedPoint p = model.get(i);
            Set<String> anchor = new HashSet<>(p.call());
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
        for (AnswerClause clause : clauses) {
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
            if (present.size() != 1 || !clause.opensWith(anchors.get(present.get(0)))) {
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
                reasons[q] = Reason.of("practice.contradiction.swapped", label(model.get(rival)), label(model.get(q)));
                for (String k : given.get(q)) {
                    credited.get(ownerOfWord.get(k)).remove(k);
                }
            }
        }
    }

    /**
     * Numbers bound to the wrong claim: where a card's points open with numbers of their own ("顶点 0 和 3 是两个 map
     * 入口", "顶点 1 是中间 reduce…"), a clause that says {@link #LEAST_OWN_WORDS} or more words only one point has and
     * opens with a number another point opens with, not this one ("Vertex 3 is the intermediate reduce"), gives the
     * claim to the wrong number; the point is contradicted. Numbers are exact, so one wrong number is enough.
     */
    private static void numbersGivenToOthers(List<AnalysedPoint> model, List<AnswerClause> clauses, Reason[] reasons) {
        List<Set<String>> leading = new ArrayList<>();
        for (AnalysedPoint p : model) {
            leading.add(leadingNumbers(p.terms()));
        }
        if (leading.stream().filter(n -> !n.isEmpty()).count() < 2) {
            return;
        }
        Map<String, Integer> pointsWith = AnalysedPoint.pointsWithEachWord(model);
        // A clause that opens with numbers sets what the rest of its sentence is about ("Vertex 3 is the
        // intermediate reduce and only takes vertex 0's output").
        int sentence = -1;
        Set<String> opening = Set.of();
        Set<String> keys = new HashSet<>();
        for (AnswerClause clause : clauses) {
            Set<String> numbers = leadingNumbers(clause.terms());
            if (clause.sentence() != sentence || !numbers.isEmpty()) {
                sentence = clause.sentence();
                opening = numbers;
                keys = new HashSet<>();
            }
            if (opening.isEmpty()) {
                continue;
            }
            keys.addAll(clause.keys());
            for (int i = 0; i < model.size(); i++) {
                if (reasons[i] != null || leading.get(i).isEmpty()) {
                    continue;
                }
                Set<String> said = keys;
                long own = model.get(i).part().keySet().stream()
                        .filter(k -> pointsWith.get(k) == 1 && !NUMBER.matcher(k).matches() && said.contains(k)).count();
                if (own < LEAST_OWN_WORDS) {
                    continue;
                }
                Set<String> its = leading.get(i);
                for (String n : opening) {
                    boolean another = !its.contains(n) && leading.stream().anyMatch(other -> other != its && other.contains(n));
                    if (another && reasons[i] == null) {
                        reasons[i] = Reason.of("practice.contradiction.says", n,
                                String.join(", ", its.stream().sorted().toList()));
                    }
                }
            }
        }
    }

    /**
     * An upside told as the downside: where points are labelled as a benefit or a cost ("好处：reduce 不会过早启动…",
     * "代价：shuffle 与 map 的重叠变少"), the answer's own labels ("the downside is…", "好处是…") hold to the end of their
     * sentence. A point whose own words (those no sibling has) are said {@link #LEAST_OWN_WORDS} or more times under
     * the other label, more than under its own, is contradicted.
     */
    static void valueReversed(List<AnalysedPoint> model, List<AnswerClause> clauses, String answer, Reason[] reasons) {
        Boolean[] upside = new Boolean[model.size()];
        String[] labels = new String[model.size()];
        int[] labelEnds = new int[model.size()];
        for (int i = 0; i < model.size(); i++) {
            PointShape shape = PointShape.of(model.get(i).text());
            String label = shape.head();
            if (shape.kind() == PointShape.Kind.LABEL && !label.isEmpty()) {
                upside[i] = UPSIDE.matcher(label).matches() ? Boolean.TRUE
                        : DOWNSIDE.matcher(label).matches() ? Boolean.FALSE : null;
                labels[i] = label;
                labelEnds[i] = model.get(i).text().indexOf(label) + label.length();
            }
        }
        if (Arrays.stream(upside).noneMatch(Objects::nonNull)) {
            return;
        }
        Map<Boolean, Set<String>> saidUnder = Map.of(true, new HashSet<>(), false, new HashSet<>());
        Map<Boolean, String> surface = new HashMap<>();
        int sentence = -1;
        Boolean told = null;
        for (AnswerClause clause : clauses) {
            if (clause.sentence() != sentence) {
                sentence = clause.sentence();
                told = null;
            }
            List<int[]> labelSpans = new ArrayList<>();
            for (Pattern side : List.of(UPSIDE, DOWNSIDE)) {
                Matcher m = side.matcher(answer).region(clause.start(), clause.end());
                while (m.find()) {
                    labelSpans.add(new int[] {m.start(), m.end(), side == UPSIDE ? 1 : 0});
                }
            }
            labelSpans.sort((a, b) -> Integer.compare(a[0], b[0]));
            if (!labelSpans.isEmpty()) {
                int[] last = labelSpans.get(labelSpans.size() - 1);
                told = last[2] == 1;
                surface.putIfAbsent(told, answer.substring(last[0], last[1]));
            }
            if (told == null) {
                continue;
            }
            for (Term t : clause.terms()) {
                if (labelSpans.stream().noneMatch(span -> t.start() < span[1] && span[0] < t.end())) {
                    saidUnder.get(told).add(t.key());
                }
            }
        }
        Map<String, Integer> pointsWith = AnalysedPoint.pointsWithEachWord(model);
        for (int i = 0; i < model.size(); i++) {
            if (upside[i] == null || reasons[i] != null) {
                continue;
            }
            int labelEnd = labelEnds[i];
            Set<String> own = new HashSet<>();
            model.get(i).terms().stream().filter(t -> t.start() >= labelEnd && pointsWith.get(t.key()) == 1)
                    .forEach(t -> own.add(t.key()));
            long right = own.stream().filter(saidUnder.get(upside[i])::contains).count();
            long wrong = own.stream().filter(saidUnder.get(!upside[i])::contains).count();
            if (wrong >= LEAST_OWN_WORDS && wrong > right) {
                reasons[i] = Reason.of("practice.contradiction.says", surface.get(!upside[i]), labels[i]);
            }
        }
    }

    /** The numbers a text opens with, after at most one word ("顶点 0 和 3", "Vertex 3", "2."). */
    private static Set<String> leadingNumbers(List<Term> terms) {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            boolean number = NUMBER.matcher(terms.get(i).key()).matches();
            if (number) {
                numbers.add(terms.get(i).key());
            } else if (i > 0 || !numbers.isEmpty()) {
                break;
            }
        }
        return numbers;
    }

    /**
     * The same test inside one point, between its labelled parts: a clause that opens with one part's label and
     * says two or more words only another part has, more than its own ("continuous delivery ships every change
     * automatically, with no human in the loop").
     */
    private static Reason swappedFacets(AnalysedPoint point, List<AnswerClause> clauses) {
        List<AnalysedPoint.Facet> facets = point.facets();
        if (facets.size() < 2) {
            return null;
        }
        Map<String, Integer> facetsWith = new HashMap<>();
        facets.forEach(f -> f.words().forEach(k -> facetsWith.merge(k, 1, Integer::sum)));
        for (AnswerClause clause : clauses) {
            List<Integer> named = new ArrayList<>();
            for (int f = 0; f < facets.size(); f++) {
                if (clause.keys().containsAll(facets.get(f).anchor()) && clause.opensWith(facets.get(f).anchor())) {
                    named.add(f);
                }
            }
            if (named.size() != 1) {
                continue;
            }
            int holder = named.get(0);
            int own = 0;
            int foreign = 0;
            int rival = -1;
            for (String k : clause.keys()) {
                if (facetsWith.getOrDefault(k, 0) != 1) {
                    continue;
                }
                for (int f = 0; f < facets.size(); f++) {
                    if (facets.get(f).words().contains(k) && !facets.get(f).anchor().contains(k)) {
                        if (f == holder) {
                            own++;
                        } else {
                            foreign++;
                            rival = f;
                        }
                    }
                }
            }
            if (foreign >= 2 && foreign > own) {
                return Reason.of("practice.contradiction.swappedParts", facets.get(rival).label(), facets.get(holder).label());
            }
        }
        return null;
    }

    /**
     * Columns swapped inside one table row: under "| | merge | rebase |", the row "历史 · 保留真实的分叉过程 · 一条直线"
     * is about two subjects the row itself never names. A clause that opens with one subject (or goes on about the
     * subject its sentence opened with) and says the words only another subject's cell has, more than its own
     * cell's ("rebase keeps the real, forked history"), gives that subject's claim to the wrong one.
     */
    static Reason swappedColumns(AnalysedPoint point, List<String> subjects, List<AnswerClause> clauses,
                                 TermAnalyzer analyzer) {
        String[] cells = point.text().split(" · ");
        if (cells.length != subjects.size() + 1 || subjects.size() < 2) {
            return null;
        }
        List<Set<String>> names = new ArrayList<>();
        for (String subject : subjects) {
            Set<String> keys = new HashSet<>();
            analyzer.terms(subject).forEach(t -> keys.add(t.key()));
            names.add(keys);
        }
        // What sets the subjects apart: "data" and "concept" of data drift and concept drift.
        Set<String> common = new HashSet<>(names.get(0));
        names.forEach(common::retainAll);
        names.forEach(n -> n.removeAll(common));
        if (names.stream().anyMatch(Set::isEmpty)) {
            return null;
        }
        Set<String> allNames = new HashSet<>();
        names.forEach(allNames::addAll);
        List<Set<String>> words = new ArrayList<>();
        for (int c = 1; c < cells.length; c++) {
            Set<String> keys = new HashSet<>();
            analyzer.terms(cells[c]).forEach(t -> keys.add(t.key()));
            keys.removeAll(allNames);
            keys.removeAll(common);
            words.add(keys);
        }
        List<Set<String>> own = new ArrayList<>();
        for (int c = 0; c < words.size(); c++) {
            Set<String> only = new HashSet<>(words.get(c));
            for (int o = 0; o < words.size(); o++) {
                if (o != c) {
                    only.removeAll(words.get(o));
                }
            }
            own.add(only);
        }
        int sentence = -1;
        int subject = -1;
        for (AnswerClause clause : clauses) {
            if (clause.sentence() != sentence) {
                sentence = clause.sentence();
                subject = -1;
            }
            int opening = openingSubject(clause, names);
            subject = opening >= 0 ? opening : subject;
            if (subject < 0) {
                continue;
            }
            Set<String> keys = clause.keys();
            long said = own.get(subject).stream().filter(keys::contains).count();
            for (int other = 0; other < own.size(); other++) {
                long given = own.get(other).stream().filter(keys::contains).count();
                if (other != subject && given >= 2 && given > said) {
                    return Reason.of("practice.contradiction.swappedParts", subjects.get(other), subjects.get(subject));
                }
            }
        }
        return null;
    }

    /** The subject a clause opens with: the one whose name comes first, among its first two terms; -1 for none. */
    private static int openingSubject(AnswerClause clause, List<Set<String>> names) {
        List<Term> terms = clause.terms();
        for (int t = 0; t < Math.min(2, terms.size()); t++) {
            for (int s = 0; s < names.size(); s++) {
                if (names.get(s).contains(terms.get(t).key())) {
                    return s;
                }
            }
        }
        return -1;
    }

    /**
     * A denial tied to the claim it denies: a clause credited to a point says, plainly, what the point's own clause
     * denies ("gzip files are splittable" against "gzip 文件不可切分"), or denies what the point states ("never wait
     * for it to hold" against "Require the condition to hold for a while"). Only the point's words the clause shares
     * count, each judged by the polarity of the point's clause it stands in (a word the point both states and denies
     * tells nothing), and at least {@link #LEAST_DENIED} of them must disagree; null when none does.
     */
    static Reason denial(AnalysedPoint point, List<AnswerClause> credited, String answer) {
        Map<String, Set<Boolean>> pointPolarity = new HashMap<>();
        List<Term> pointTerms = point.terms();
        Matcher brk = POINT_CLAUSE_BREAK.matcher(point.text());
        int clauseStart = 0;
        int nextBreak = brk.find() ? brk.start() : Integer.MAX_VALUE;
        for (int i = 0; i < pointTerms.size(); i++) {
            Term t = pointTerms.get(i);
            while (nextBreak < t.start()) {
                clauseStart = brk.end();
                nextBreak = brk.find() ? brk.start() : Integer.MAX_VALUE;
            }
            if (!point.head().contains(t.key())) {
                pointPolarity.computeIfAbsent(t.key(), k -> new HashSet<>())
                        .add(denied(point.text(), pointTerms, i, clauseStart));
            }
        }
        Set<String> forbidden = forbidden(point);
        for (AnswerClause clause : credited) {
            List<Term> terms = clause.terms();
            if (!forbidden.isEmpty()) {
                Set<String> affirmed = new HashSet<>();
                for (int i = 0; i < terms.size(); i++) {
                    if (forbidden.contains(terms.get(i).key()) && !denied(answer, terms, i, clause.start())) {
                        affirmed.add(terms.get(i).key());
                    }
                }
                if (affirmed.equals(forbidden) && !CLAUSE_DENIAL.matcher(answer.substring(clause.start(), clause.end())).find()) {
                    String words = answer.substring(clause.start(), clause.end()).strip();
                    return Reason.of("practice.contradiction.affirms", words.length() > 60 ? words.substring(0, 60) + "…" : words);
                }
            }
            Set<String> disagreeing = new HashSet<>();
            String said = null;
            for (int i = 0; i < terms.size(); i++) {
                Set<Boolean> stated = pointPolarity.get(terms.get(i).key());
                if (stated == null) {
                    continue;
                }
                boolean denied = denied(answer, terms, i, clause.start());
                if (!stated.contains(denied)) {
                    disagreeing.add(terms.get(i).key());
                    said = said == null ? (denied ? "practice.contradiction.denies" : "practice.contradiction.affirms") : said;
                }
            }
            if (disagreeing.size() >= LEAST_DENIED) {
                String words = answer.substring(clause.start(), clause.end()).strip();
                return Reason.of(said, words.length() > 60 ? words.substring(0, 60) + "…" : words);
            }
        }
        return null;
    }

    /**
     * What a point forbids outright: the terms after "never" or 不要 up to the end of its clause ("never the test set",
     * "never reusing latest"). An answer that says all of them in a clause that denies nothing has done what the point
     * rules out ("pick the setting with the best test-set score").
     */
    private static Set<String> forbidden(AnalysedPoint point) {
        Set<String> words = new HashSet<>();
        Matcher never = NEVER.matcher(point.text());
        while (never.find()) {
            Matcher brk = POINT_CLAUSE_BREAK.matcher(point.text());
            int end = brk.find(never.end()) ? brk.start() : point.text().length();
            int to = point.text().indexOf(')', never.end());
            end = to >= 0 ? Math.min(end, to) : end;
            for (Term t : point.terms()) {
                if (t.start() >= never.end() && t.end() <= end) {
                    words.add(t.key());
                }
            }
        }
        return words;
    }

    private static boolean denied(String text, List<Term> terms, int index, int clauseStart) {
        Term t = terms.get(index);
        int from = index - DENIAL_REACH - 1 >= 0 ? terms.get(index - DENIAL_REACH - 1).end() : 0;
        from = Math.max(from, clauseStart);
        if (from >= t.start()) {
            return false;
        }
        String before = text.substring(from, t.start());
        Matcher not = DENIAL.matcher(NOT_A_DENIAL.matcher(before).replaceAll(m -> " ".repeat(m.group().length())));
        while (not.find()) {
            int at = from + not.start();
            // "n't" denies even inside its word ("doesn't" may be a term of its own).
            int length = not.group().equalsIgnoreCase("n't") ? Integer.MAX_VALUE : not.end() - not.start();
            if (terms.stream().noneMatch(o -> o.start() <= at && at < o.end() && o.end() - o.start() > length)) {
                return true;
            }
        }
        return false;
    }

    static String label(AnalysedPoint p) {
        PointShape shape = PointShape.of(p.text());
        String name = shape.head().isEmpty() ? p.text() : shape.head();
        return "\"" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "\"";
    }
}
