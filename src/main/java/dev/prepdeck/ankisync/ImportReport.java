package dev.prepdeck.ankisync;

import dev.prepdeck.error.Notice;
import dev.prepdeck.web.Messages;
import java.util.List;
import java.util.Locale;

/**
 * What an Anki import did, for the person who asked for it. Its notices are sentences of the message bundles: a
 * page words them in its language, the command line prints them in English.
 *
 * @param file           the package's file name
 * @param format         the package version, e.g. "collection.anki21b (schema 18)"
 * @param decks          every deck that received a card, by full name
 * @param added          cards new to the collection
 * @param updated        cards already here (matched by their note's guid) whose text, tags, deck or history changed
 * @param unchanged      cards already here that the package did not change
 * @param reviewsAdded   review history entries added
 * @param notAnswers     log entries that are not answers (rescheduling, manual changes, cramming) and were left out
 * @param mediaStored    images and sounds the imported cards use, stored
 * @param skipped        one notice per card not imported, naming it and why
 * @param warnings       what was imported with a loss (a missing image), each naming the card or file
 */
public record ImportReport(String file, Notice format, List<String> decks, int added, int updated, int unchanged,
        int reviewsAdded, int notAnswers, int mediaStored, List<Notice> skipped, List<Notice> warnings) {

    public ImportReport {
        decks = List.copyOf(decks);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** The one-line summary the command line prints. */
    public String summary() {
        return summary(Locale.ENGLISH);
    }

    public String summary(Locale locale) {
        return Messages.text(locale, "anki.imported.summary",
                file, added, updated, unchanged, skipped.size(), reviewsAdded, mediaStored);
    }

    /** The package's name and format in a page's language. */
    public String fileAndFormat(Locale locale) {
        return Messages.text(locale, "anki.imported.file", file, format);
    }

    public List<String> skipped(Locale locale) {
        return in(locale, skipped);
    }

    public List<String> warnings(Locale locale) {
        return in(locale, warnings);
    }

    private static List<String> in(Locale locale, List<Notice> notices) {
        return notices.stream().map(n -> Messages.worded(locale, n)).toList();
    }
}
