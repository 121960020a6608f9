package dev.prepdeck.deck;

import dev.prepdeck.error.Notice;
import dev.prepdeck.web.Messages;
import dev.prepdeck.web.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import did to each deck: the lines and summary the commands print, and the decks (with their ids, to link
 * to) the notes import page lists.
 */
public final class SyncReport {
    private final List<DeckResult> decks = new ArrayList<>();
    private final List<Notice> warnings = new ArrayList<>();
    private int mediaDeleted;

    /**
     * What importing one source (a deck file, or a deck made from notes) did.
     *
     * @param at      where a rejection points: the source, or its file:line
     * @param problem why the source was rejected, or null when it was not
     */
    public record DeckResult(String source, Long deckId, String deckName, DeckSync.FileChanges changes, String at,
            Notice problem) {
        public boolean unchanged() {
            return problem == null && !changes.any();
        }

        public boolean rejected() {
            return problem != null;
        }

        /** The rejection as the command line prints it: "file:line: problem". */
        public String error() {
            return problem == null ? null : at + ": " + problem;
        }

        /** A rejection's reason in a page's language, without the source in front: the page names the deck. */
        public String problem(Locale locale) {
            return Messages.worded(locale, problem);
        }

        /** What happened to the deck's cards, e.g. "3 new cards, 1 updated", "unchanged" or "not imported". */
        public String outcome() {
            return outcome(Locale.ENGLISH);
        }

        /** The same in a page's language. */
        public String outcome(Locale locale) {
            if (rejected()) {
                return Messages.text(locale, "sync.outcome.notImported");
            }
            if (unchanged()) {
                return Messages.text(locale, "sync.outcome.unchanged");
            }
            return Messages.text(locale, "sync.outcome.changed",
                    changes.added(), changes.updated() + changes.restored(), changes.setAside());
        }
    }

    void unchanged(String source, Deck deck) {
        decks.add(new DeckResult(source, deck.id(), deck.name(), DeckSync.FileChanges.NONE, null, null));
    }

    void imported(String source, long deckId, String deckName, DeckSync.FileChanges changes) {
        decks.add(new DeckResult(source, deckId, deckName, changes, null, null));
    }

    /** {@code deckName} is null when the source could not be read as a deck at all. */
    void failed(String source, String deckName, String at, Notice problem) {
        decks.add(new DeckResult(source, null, deckName, DeckSync.FileChanges.NONE, at, problem));
    }

    public List<DeckResult> decks() {
        return List.copyOf(decks);
    }

    void warned(Notice warning) {
        warnings.add(warning);
    }

    void mediaDeleted(int files) {
        mediaDeleted += files;
    }

    /**
     * One line per source for the commands, "networking.md: Interview::Networking, 3 new cards", then how many
     * media files no card uses any more were deleted, if any.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(decks.stream().map(d -> d.rejected()
                ? Wording.format("{0}: rejected, nothing imported from it", d.source())
                : Wording.format("{0}: {1}, {2}", d.source(), d.deckName(), d.outcome())).toList());
        if (mediaDeleted > 0) {
            lines.add(Wording.format("media: {0,choice,1#1 file|1<{0} files} no card uses any more deleted", mediaDeleted));
        }
        return lines;
    }

    /** One "file:line: problem" message per rejected source. */
    public List<String> errors() {
        return decks.stream().filter(DeckResult::rejected).map(DeckResult::error).toList();
    }

    /**
     * One "file:line: problem" notice per thing an imported file could not bring in (a missing image): English as
     * the commands print it ({@code toString}), in the learner's language on a page.
     */
    public List<Notice> warnings() {
        return List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return decks.stream().anyMatch(DeckResult::rejected);
    }

    /** E.g. "2 decks changed, 5 unchanged, 1 rejected; 12 new cards, 3 updated, 1 set aside." */
    public String summary() {
        int changed = (int) decks.stream().filter(d -> !d.rejected() && !d.unchanged()).count();
        int unchanged = (int) decks.stream().filter(DeckResult::unchanged).count();
        int rejected = (int) decks.stream().filter(DeckResult::rejected).count();
        int added = decks.stream().mapToInt(d -> d.changes().added()).sum();
        int updated = decks.stream().mapToInt(d -> d.changes().updated() + d.changes().restored()).sum();
        int setAside = decks.stream().mapToInt(d -> d.changes().setAside()).sum();
        return Wording.format("{0,choice,0#0 decks|1#1 deck|1<{0} decks} changed, {1} unchanged, {2} rejected; "
                        + "{3,choice,0#0 new cards|1#1 new card|1<{3} new cards}, {4} updated, {5} set aside.",
                changed, unchanged, rejected, added, updated, setAside);
    }
}
