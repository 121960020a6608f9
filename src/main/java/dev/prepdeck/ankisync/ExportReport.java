package dev.prepdeck.ankisync;

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
        return deckName + ": " + cards + " card(s), " + reviews + " review(s) and " + mediaFiles + " media file(s)";
    }
}
