package dev.prepdeck.judge;

import java.util.List;
import java.util.Optional;

/**
 * What the learner's judge said about one answer: a verdict for each key point it judged (by the point's index), or,
 * when it could not be asked or understood, why not, so the page can say the built-in check stands.
 */
public record SecondOpinion(String model, List<Verdict> verdicts, Problem problem, String detail) {
    public record Verdict(int index, boolean covered, String reason) {
    }

    /** Why there is no opinion; the detail says which address, status or time. */
    public enum Problem { TIMED_OUT, UNREACHABLE, HTTP_STATUS, UNREADABLE, NO_POINTS }

    static SecondOpinion of(String model, List<Verdict> verdicts) {
        return new SecondOpinion(model, List.copyOf(verdicts), null, null);
    }

    static SecondOpinion failed(String model, Problem problem, String detail) {
        return new SecondOpinion(model, List.of(), problem, detail);
    }

    public boolean answered() {
        return problem == null;
    }

    /** The judge's verdict on the point at {@code index}, if it gave one. */
    public Optional<Verdict> verdict(int index) {
        return verdicts.stream().filter(v -> v.index() == index).findFirst();
    }
}
