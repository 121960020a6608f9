package dev.prepdeck.ankisync;

import dev.prepdeck.web.Wording;
import java.util.List;

/**
 * What an Anki export wrote.
 *
 * @param deckName the deck exported, with its sub-decks
 * @param warnings one line per thing left out (a media file no longer stored), naming it
 */
public record ExportReport(String deckName, int cards, int reviews, int mediaFiles, List<String> warnings) {

    public ExportReport {
        warnings = List.copyOf(warnings);
    }

    public String summary() {
        return Wording.format("{0}: {1,choice,0#no cards|1#1 card|1<{1} cards}, "
                + "{2,choice,0#no reviews|1#1 review|1<{2} reviews} and "
                + "{3,choice,0#no media files|1#1 media file|1<{3} media files}", deckName, cards, reviews, mediaFiles);
    }
}
