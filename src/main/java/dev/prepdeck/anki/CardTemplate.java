package dev.prepdeck.anki;

import java.util.Objects;

/** One card template of a note type: the front (qfmt) and back (afmt) in Anki's template language. */
public record CardTemplate(String name, int ord, String questionFormat, String answerFormat) {

    public CardTemplate {
        Objects.requireNonNull(name, "name");
        questionFormat = questionFormat == null ? "" : questionFormat;
        answerFormat = answerFormat == null ? "" : answerFormat;
    }
}
