package dev.prepdeck.practice;

import dev.prepdeck.deck.Card;
import dev.prepdeck.fsrs.Rating;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often the checker agrees with the interviewer's labels, by slice: key points (agreement, recall and
 * precision of covered points), suggested rating (exact, within one), coverage of empty and off-topic answers,
 * and the highest rating suggested for a swapped-role answer.
 *
 * <p>Run it as a program to print the table: {@code CheckerAgreement dev heldout}; add {@code --items} to list
 * the dev sets' disagreements one by one (held-out sets are only ever reported by slice).
 */
final class CheckerAgreement {
    static final List<String> KINDS = List.of("full", "terse", "partial", "paraphrase", "wrong", "swapped",
            "offtopic", "empty");
    static final List<String> PAIRS = List.of("en card, en answer", "en card, zh answer", "en card, mixed answer",
            "zh card, zh answer", "zh card, en answer", "zh card, mixed answer");

    private CheckerAgreement() {
    }

    /** The checker's verdict on one labelled answer. */
    record Verdict(LabelledAnswers.Answer answer, List<PointVerdict> points, int unlabelled, double coverage,
                   Rating suggested, Rating suggestedFromLabels) {
    }

    record PointVerdict(String text, boolean label, boolean checker, String reason) {
    }

    /** Running totals for one slice. */
    static final class Tally {
        int answers;
        int points;
        int agreeing;
        int labelCovered;
        int checkerCovered;
        int bothCovered;
        int ratingExact;
        int ratingWithinOne;
        int labelRatingExact;
        int unlabelled;
        double coverageSum;
        double maxCoverage;
        Rating maxSuggested;

        void add(Verdict v) {
            answers++;
            unlabelled += v.unlabelled();
            for (PointVerdict p : v.points()) {
                points++;
                agreeing += p.label() == p.checker() ? 1 : 0;
                labelCovered += p.label() ? 1 : 0;
                checkerCovered += p.checker() ? 1 : 0;
                bothCovered += p.label() && p.checker() ? 1 : 0;
            }
            int distance = Math.abs(v.suggested().ordinal() - v.answer().interviewerRating().ordinal());
            ratingExact += distance == 0 ? 1 : 0;
            ratingWithinOne += distance <= 1 ? 1 : 0;
            labelRatingExact += v.suggestedFromLabels() == v.answer().interviewerRating() ? 1 : 0;
            coverageSum += v.coverage();
            maxCoverage = Math.max(maxCoverage, v.coverage());
            if (maxSuggested == null || v.suggested().compareTo(maxSuggested) > 0) {
                maxSuggested = v.suggested();
            }
        }

        double agreement() {
            return ratio(agreeing, points);
        }

        double recall() {
            return ratio(bothCovered, labelCovered);
        }

        double precision() {
            return ratio(bothCovered, checkerCovered);
        }

        double ratingExactShare() {
            return ratio(ratingExact, answers);
        }

        double ratingWithinOneShare() {
            return ratio(ratingWithinOne, answers);
        }

        double labelRatingExactShare() {
            return ratio(labelRatingExact, answers);
        }

        double meanCoverage() {
            return answers == 0 ? 0 : coverageSum / answers;
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : part / (double) whole;
        }
    }

    /** The figures of one set: "all", each language pair, each kind, and "empty or off-topic". */
    record Figures(Map<String, Tally> slices, List<Verdict> verdicts) {
        Tally slice(String name) {
            return slices.getOrDefault(name, new Tally());
        }
    }

    static Verdict judge(LabelledAnswers.Answer a, Card card, AnswerMatcher matcher, TermRarity rarity) {
        AnswerMatcher.AnswerCheck check = matcher.checkCard(card.answer(), a.answer(), rarity);
        int target = TargetTime.of(card, null);
        PracticeCheck practice = new PracticeCheck(card, a.answer(), a.seconds(), target, check);
        Map<String, Boolean> labels = new HashMap<>();
        a.points().forEach(p -> labels.put(normal(p.text()), p.covered()));
        List<PointVerdict> points = new ArrayList<>();
        int unlabelled = 0;
        for (AnswerMatcher.PointResult p : check.points()) {
            Boolean label = labels.get(normal(p.text()));
            if (label == null) {
                unlabelled++;
            } else {
                points.add(new PointVerdict(p.text(), label, p.covered(), reasonOf(p)));
            }
        }
        double labelCoverage = points.isEmpty() ? 0
                : points.stream().filter(PointVerdict::label).count() / (double) points.size();
        return new Verdict(a, points, unlabelled, practice.coverage(), practice.suggested(),
                SuggestedRating.of(labelCoverage, a.seconds(), target));
    }

    private static String reasonOf(AnswerMatcher.PointResult p) {
        return p.reason();
    }

    /** The checker's agreement on these answers to these cards, with term rarity over the same cards. */
    static Figures measure(List<LabelledAnswers.Answer> answers, Map<String, Card> cards, AnswerMatcher matcher) {
        TermRarity rarity = TermRarity.ofAnswers(matcher.analyzer(), cards.values().stream().map(Card::answer).toList());
        Map<String, Tally> slices = new LinkedHashMap<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (LabelledAnswers.Answer a : answers) {
            Card card = cards.get(a.card());
            if (card == null) {
                throw new IllegalStateException(a.id() + ": no shipped card " + a.card());
            }
            Verdict v = judge(a, card, matcher, rarity);
            verdicts.add(v);
            slices.computeIfAbsent("all", k -> new Tally()).add(v);
            slices.computeIfAbsent(a.languagePair(), k -> new Tally()).add(v);
            slices.computeIfAbsent(a.kind(), k -> new Tally()).add(v);
            if (a.kind().equals("empty") || a.kind().equals("offtopic")) {
                slices.computeIfAbsent("empty or off-topic", k -> new Tally()).add(v);
            }
        }
        return new Figures(slices, verdicts);
    }

    static String normal(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static String table(String title, Figures f) {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n");
        out.append("| slice | answers | points | agreement | recall | precision | rating = | rating ±1 |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        List<String> rows = new ArrayList<>(List.of("all"));
        rows.addAll(PAIRS);
        rows.addAll(KINDS);
        for (String row : rows) {
            Tally t = f.slice(row);
            if (t.answers == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s |%n", row, t.answers,
                    t.points, pct(t.agreement()), pct(t.recall()), pct(t.precision()), pct(t.ratingExactShare()),
                    pct(t.ratingWithinOneShare())));
        }
        Tally quiet = f.slice("empty or off-topic");
        Tally swapped = f.slice("swapped");
        long swappedAboveHard = f.verdicts().stream()
                .filter(v -> v.answer().kind().equals("swapped") && v.suggested().compareTo(Rating.HARD) > 0).count();
        out.append(String.format(Locale.ROOT, "%nEmpty or off-topic: mean coverage %s, highest %s. "
                        + "Swapped roles: highest suggestion %s, %d of %d suggested above Hard. "
                        + "Points without a label: %d. The rating thresholds applied to the interviewer's own point "
                        + "labels would match the interviewer's rating on %s.%n", pct(quiet.meanCoverage()), pct(quiet.maxCoverage),
                swapped.maxSuggested == null ? "-" : swapped.maxSuggested.label(), swappedAboveHard, swapped.answers,
                f.slice("all").unlabelled, pct(f.slice("all").labelRatingExactShare())));
        return out.toString();
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String items(Figures f) {
        StringBuilder out = new StringBuilder();
        for (Verdict v : f.verdicts()) {
            boolean pointsDiffer = v.points().stream().anyMatch(p -> p.label() != p.checker());
            if (!pointsDiffer && v.suggested() == v.answer().interviewerRating()) {
                continue;
            }
            LabelledAnswers.Answer a = v.answer();
            out.append(String.format(Locale.ROOT, "%n%s %s [%s, %s] interviewer %s, checker %s (%.0f %%)%n  %s%n",
                    a.id(), a.card(), a.kind(), a.languagePair(), a.rating(), v.suggested().label(),
                    v.coverage() * 100, a.answer()));
            for (PointVerdict p : v.points()) {
                if (p.label() != p.checker()) {
                    out.append(String.format(Locale.ROOT, "  %s: %s%n    %s%n",
                            p.label() ? "MISSED" : "WRONGLY CREDITED", abbreviate(p.text()), p.reason()));
                }
            }
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        String one = normal(text);
        return one.length() <= 140 ? one : one.substring(0, 140) + "…";
    }

    public static void main(String[] args) {
        Map<String, Card> cards = LabelledAnswers.shippedCards();
        AnswerMatcher matcher = new AnswerMatcher(TermAnalyzer.shipped());
        boolean items = List.of(args).contains("--items");
        for (String set : args) {
            if (set.startsWith("--")) {
                continue;
            }
            Figures f = measure(LabelledAnswers.set(set), cards, matcher);
            System.out.println(table(set, f));
            if (items && set.startsWith("dev")) {
                System.out.println(items(f));
            }
        }
    }
}
