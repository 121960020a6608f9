package dev.prepdeck.study;

import dev.prepdeck.deck.Card;
import dev.prepdeck.judge.ChatCompletionsJudge;
import dev.prepdeck.judge.SecondOpinion;
import dev.prepdeck.judge.SecondOpinionService;
import dev.prepdeck.web.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's own judge asked about one answer, and what it said worded for the practice page, the mock interview
 * report and the JSON API alike: a summary sentence (or why there is no opinion) and a verdict per key point. The
 * built-in check always stands beside it; nothing here changes a verdict or a suggested rating.
 */
final class SecondOpinions {
    private final SecondOpinionService service;

    SecondOpinions(SecondOpinionService service) {
        this.service = service;
    }

    /** The judge's opinion when the learner has one set up and typed something; empty when not asked. */
    Optional<SecondOpinion> ask(long learnerId, Card card, List<String> keyPoints, String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        return service.ask(learnerId, new ChatCompletionsJudge.Question(card.question(), card.answer(), keyPoints, answer));
    }

    /** "qwen2.5 says 3 of 4 key points are covered.", or why there is no opinion and the built-in check stands. */
    static String summary(Locale locale, SecondOpinion opinion, int points) {
        if (!opinion.answered()) {
            return Messages.text(locale, "judge.problem." + opinion.problem().name(), opinion.model(), opinion.detail());
        }
        long covered = opinion.verdicts().stream().filter(SecondOpinion.Verdict::covered).count();
        return Messages.text(locale, "judge.summary", opinion.model(), covered, points);
    }

    /** One line per key point, in the points' order: the judge's verdict in words and its reason. */
    static List<PointOpinion> points(Locale locale, SecondOpinion opinion, List<String> keyPoints) {
        List<PointOpinion> lines = new ArrayList<>();
        for (int i = 0; i < keyPoints.size(); i++) {
            String text = keyPoints.get(i);
            lines.add(opinion.verdict(i)
                    .map(v -> new PointOpinion(text, v.covered(), Messages.text(locale,
                            v.covered() ? "judge.covered" : "judge.not.covered", opinion.model()), v.reason()))
                    .orElse(new PointOpinion(text, null, Messages.text(locale, "judge.silent", opinion.model()), "")));
        }
        return lines;
    }

    /**
     * The {@code secondOpinion} object of POST /api/practice/check: {@code state} is "off" (no judge set up),
     * "notAsked" (a blank answer), "answered" (with {@code model}, {@code summary} and {@code keyPoints}, one per
     * point in the check's order, {@code covered} null where the judge said nothing) or "failed" (with {@code model},
     * {@code problem} and {@code summary} saying why).
     */
    static Map<String, Object> json(Locale locale, Optional<SecondOpinion> asked, String answer, List<String> keyPoints) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            json.put("state", answer.isBlank() ? "notAsked" : "off");
            return json;
        }
        SecondOpinion opinion = asked.get();
        json.put("state", opinion.answered() ? "answered" : "failed");
        json.put("model", opinion.model());
        if (!opinion.answered()) {
            json.put("problem", opinion.problem().name());
        }
        json.put("summary", summary(locale, opinion, keyPoints.size()));
        if (opinion.answered()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (int i = 0; i < keyPoints.size(); i++) {
                Optional<SecondOpinion.Verdict> verdict = opinion.verdict(i);
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("index", i);
                point.put("covered", verdict.map(SecondOpinion.Verdict::covered).orElse(null));
                point.put("reason", verdict.map(SecondOpinion.Verdict::reason).orElse(""));
                points.add(point);
            }
            json.put("keyPoints", points);
        }
        return json;
    }

    /** The second opinion on one key point: covered or not (null: no verdict), in words, and the judge's reason. */
    public record PointOpinion(String point, Boolean covered, String verdict, String reason) {
    }
}
